import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { incomingText } from '../../src/bot/incoming';

const BOT = { id: '28:bot-app-id', name: 'Lync Helpdesk' };
const botMention = { type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT };

function activity(text: string, entities: unknown[], channelId = 'msteams'): Activity {
  return { type: 'message', channelId, text, entities, recipient: BOT, from: { id: '29:u' }, conversation: { id: 'c' } } as unknown as Activity;
}

describe('incomingText: @mentions the way Teams sends them', () => {
  it('removes the bot mention at the start, in the middle and at the end, every time it occurs', () => {
    expect(incomingText(activity(`<at>${BOT.name}</at> help`, [botMention]))).toBe('help');
    expect(incomingText(activity(`please <at>${BOT.name}</at> help`, [botMention]))).toBe('please help');
    expect(incomingText(activity(`help <at>${BOT.name}</at>`, [botMention]))).toBe('help');
    expect(incomingText(activity(`<at>${BOT.name}</at> help <at>${BOT.name}</at>`, [botMention]))).toBe('help');
  });

  it('keeps the names of other people mentioned, without the markup', () => {
    const bob = { type: 'mention', text: '<at>Bob Smith</at>', mentioned: { id: '29:bob', name: 'Bob Smith' } };
    expect(incomingText(activity(`<at>${BOT.name}</at> check user <at>Bob Smith</at>`, [botMention, bob]))).toBe('check user Bob Smith');
  });

  it('recognises the bot by name when the mention carries another id (tag or renamed app)', () => {
    const byName = { type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: { id: '28:other', name: BOT.name } };
    expect(incomingText(activity(`<at>${BOT.name}</at> help`, [byName]))).toBe('help');
  });

  it('does not alter the activity it reads (later middleware sees the original text)', () => {
    const original = activity(`<at>${BOT.name}</at> help`, [botMention]);
    incomingText(original);
    expect(original.text).toBe(`<at>${BOT.name}</at> help`);
  });

  it('decodes the entities Teams puts in plain text, and only for Teams', () => {
    expect(incomingText(activity(`<at>${BOT.name}</at>&nbsp;why &quot;cannot sign in&quot; &amp; no prompt`, [botMention]))).toBe('why "cannot sign in" & no prompt');
    expect(incomingText(activity('a &amp; b', [], 'webchat'))).toBe('a &amp; b');
  });

  it('drops the "ask" the command menu puts before a question, but keeps a bare "ask"', () => {
    expect(incomingText(activity('ask where are the logs', []))).toBe('where are the logs');
    expect(incomingText(activity(`<at>${BOT.name}</at> ask: where are the logs`, [botMention]))).toBe('where are the logs');
    expect(incomingText(activity('ask', []))).toBe('ask');
  });
});
