import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge';
import { symptomsMissing } from '../../src/knowledge/symptoms';

describe('a symptom the question names must be one the answer speaks of', () => {
  it.each([
    ['the meeting link shows a blank page', 'force the web app with ?sl= at the end of the link', 1],
    ['the meeting link shows a blank page', 'windows phone shows a blank white page instead of the ad fs sign-in', 0],
    ['it shows an empty white screen', 'a white screen', 0],
    ['lync crashes when i click sign in', 'sign in with your address', 1],
    ['the logging option is greyed out', 'the client policy turns tracing off, so the option is greyed out', 0],
    ['the window froze and then it crashed', 'lync hangs on the sign in screen', 1],
    ['how do i turn on logging', 'set logging to full', 0],
    ["lync says it can't find a server on my work laptop", 'set logging to full on your laptop and find the log files', 1],
    ['my ipad says server unavailable', 'cannot sign in because the server is temporarily unavailable', 0],
    ['lync cant reach the server from home', 'check the lyncdiscover record from outside', 0],
    ['where is the server that holds the logs', 'the logs are on the front end', 0],
    ["my polycom phone won't sign in to lync", 'the voice mail light on polycom desk phones comes from exchange um', 1],
    ['lync cant sign in on my laptop', 'the client prompts for credentials again and again', 0],
    ['my ipad wont log on', 'sign in with your user principal name', 0],
    ['it asks for my pin and then says the certificate is not valid', 'use the default smart card pin 12345678', 1],
    ['lync says the server certificate is invalid', 'install the root ca so the device can verify the certificate from the server', 0],
    ['i typed the pin wrong 3 times now it says blocked', 'use the default smart card pin 12345678', 1],
    ['my account keeps getting locked', 'unlock the account, then enter the new password on every device', 0],
  ])('"%s" against "%s": %i missing', (question, article, missing) => {
    expect(symptomsMissing(question, article)).toBe(missing);
  });

  it('with the real knowledge base: a blank page in the web app is not answered with the ?sl= article', () => {
    const knowledge = loadKnowledgeBase(resolve(__dirname, '..', '..', 'knowledge'));
    const result = knowledge.search('lync web app meeting link just shows a blank page in chrome', 3);
    expect(result.answered).toBe(false);
    const whitePage = knowledge.search('the lync app on my windows phone shows a blank white page instead of the adfs sign in', 3);
    expect(whitePage.answered).toBe(true);
    expect(whitePage.hits[0]?.article.id).toBe('passive-auth-windows-phone-white-page');
  });

  it('with the real knowledge base: a desk phone that will not sign in is not answered with its voice mail light', () => {
    const knowledge = loadKnowledgeBase(resolve(__dirname, '..', '..', 'knowledge'));
    const result = knowledge.search("my polycom phone won't sign in to lync", 3);
    expect(result.answered).toBe(false);
    expect(knowledge.search('red light on the desk phone does not come on when i have a new voicemail', 3).hits[0]?.article.id).toBe('exchange-um-message-waiting-indicator');
  });

  it('with the real knowledge base: a client that cannot find its server is not answered with where the logs are', () => {
    const knowledge = loadKnowledgeBase(resolve(__dirname, '..', '..', 'knowledge'));
    const result = knowledge.search('lync says it cant find a server on my work laptop', 3);
    expect(result.hits[0]?.article.id).not.toBe('desktop-client-turn-on-logging');
    if (result.answered) expect(result.hits[0]?.article.id).toBe('server-temporarily-unavailable-discovery');
  });
});
