import { describe, expect, it } from 'vitest';
import { passageFor } from '../../src/knowledge/passage';

const trust = {
  title: 'Lync asks whether to trust a server at sign-in',
  answer: 'Only connect if it is your own server, then fix DNS so the server name lies in a trusted domain.',
  steps: ['Ask the user which server name the prompt shows.', 'If it is genuine, the user may connect once or choose to always trust it; "always trust" adds the domain to the trusted domains list.'],
  caveats: ['Servers entered manually are trusted automatically, so they never prompt.'],
};

describe('the part of an article a follow-up asks about', () => {
  it.each([
    ['what does always trust do?', trust.steps[1]],
    ['what about servers i typed in manually', trust.caveats[0]],
  ])('"%s" → the line that holds its words', (question, line) => {
    expect(passageFor(trust, question)).toBe(line);
  });
  it.each(['can you explain that again', 'why does lync ask whether to trust a server', 'what should i fix in dns'])('"%s" → nothing beyond the answer itself', (question) => {
    expect(passageFor(trust, question)).toBeUndefined();
  });
});

describe('a follow-up that only says where or on what', () => {
  const prompts = {
    title: 'When the Lync mobile app asks for the AD FS sign-in again',
    answer: 'The app shows the sign-in page on the first sign-in and after a sign out.',
    steps: [],
    caveats: ['No prompt is expected for app switching either: iOS Home and reopening, or a reboot.'],
  };
  it('"at home" is the network, not the Home button a line speaks of', () => {
    expect(passageFor(prompts, 'at home')).toBeUndefined();
  });
  it('"what about pressing the home button" is that line', () => {
    expect(passageFor(prompts, 'what about pressing the home button')).toBe(prompts.caveats[0]);
  });
});
