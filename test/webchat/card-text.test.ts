import { describe, expect, it } from 'vitest';
import { botActivityForTranscript } from '../../src/webchat/activities';

/** What the web page shows above a card: never the card's own words a second time. */

const card = (...texts: string[]) => [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: texts.map((text) => ({ type: 'TextBlock', text })) } }];
const shown = (activity: Record<string, unknown>) => botActivityForTranscript({ type: 'message', ...activity }, 'c1', 'Bot')!;

describe('text shown above a card', () => {
  it('is dropped when the card says it (emphasis and spacing aside)', () => {
    const decline = "I don't know the answer to that: it isn't in my knowledge base.";
    expect(shown({ text: decline, attachments: card("I don't know that one", decline) }).text).toBeUndefined();
    expect(shown({ text: '**Close vs Sign Out**\n\nClose keeps you signed in.', summary: '**Close vs Sign Out**\n\nClose keeps you  signed in.', attachments: card('Close vs Sign Out', 'Close keeps you signed in.', '**1.** Open File') }).text).toBeUndefined();
  });

  it('is kept, first paragraph only, when the card says something else', () => {
    const kept = shown({ text: 'Step 2 of 5.\n\nMore detail here.', attachments: card('Smart card enrollment', 'Open the page') });
    expect(kept.text).toBe('Step 2 of 5.');
  });

  it('is kept whole with a code block to copy, even when the card repeats it', () => {
    const text = 'Paste this into a ticket:\n\n```\nH-ABC123 user cannot sign in\n```';
    expect(shown({ text, attachments: card('Paste this into a ticket:', 'H-ABC123 user cannot sign in') }).text).toBe(text);
  });

  it('a message without a card keeps its text', () => {
    expect(shown({ text: 'Hello again.' }).text).toBe('Hello again.');
  });
});
