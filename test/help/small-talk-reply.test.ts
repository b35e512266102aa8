import { describe, expect, it } from 'vitest';
import { smallTalkReply } from '../../src/help/small-talk-reply';

describe('a stray answer with nothing asked', () => {
  it('an end user is asked what happens when they sign in', () => {
    expect(smallTalkReply('bare-answer', false).text).toMatch(/^Tell me what happens when you sign in/);
  });
  it('staff are asked about the user\'s problem and pointed to their commands, not asked about their own sign-in', () => {
    const reply = smallTalkReply('bare-answer', false, false, true);
    expect(reply.text).toMatch(/^Nothing here is waiting for that answer\. Tell me the user's sign-in problem/);
    expect(reply.text).toContain('the commands you can run');
    expect(reply.text).not.toContain('when you sign in');
  });
  it.each(['how-are-you', 'declined', 'frustrated'] as const)('%s speaks to staff about the user\'s problem too', (topic) => {
    expect(smallTalkReply(topic, false, false, true).text).toContain("the user's sign-in problem");
    expect(smallTalkReply(topic, false).text).toContain('when you sign in');
  });
});

describe('waiting for a person with nothing handed off', () => {
  it('says nobody is on it yet and offers the hand-off', () => {
    const reply = smallTalkReply('nothing-handed-off', false);
    expect(reply.text).toMatch(/^Nothing from this conversation has gone to the helpdesk yet/);
    expect(reply.text).toContain('tell me what happens when you sign in');
    expect(reply.suggestions).toContain('talk to a person');
  });
});

describe('asked for the helpdesk\'s number or address', () => {
  it('says the bot has none and offers the hand-off, which reaches them', () => {
    const reply = smallTalkReply('contact', false);
    expect(reply.text).toMatch(/^I don't have the helpdesk's phone number or e-mail address/);
    expect(reply.suggestions).toEqual(['talk to a person']);
  });
  it('in a flow, the hand-off takes the step along', () => {
    expect(smallTalkReply('contact', true).text).toContain('including this step');
  });
});

describe('many people failing at once', () => {
  it('another language: English only, with the way to a person', () => {
    const reply = smallTalkReply('other-language', false);
    expect(reply.text).toMatch(/^I can only read English/);
    expect(reply.suggestions).toContain('talk to a person');
  });

  it('tells a user it is the servers and offers the hand-off; tells staff where to look first', () => {
    const user = smallTalkReply('outage', false);
    expect(user.text).toMatch(/^When everyone around you fails at the same time, the cause is on the Lync servers/);
    expect(user.suggestions).toContain('talk to a person');
    const staff = smallTalkReply('outage', false, false, true);
    expect(staff.text).toMatch(/registrar pool/);
    expect(staff.text).not.toMatch(/talk to a person/);
  });
});
