import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge';
import { answeredWith } from '../support/knowledge';

const knowledge = loadKnowledgeBase(resolve(__dirname, '..', '..', 'knowledge'));

// Settings, defaults and codes the product reference gives, asked the way admins type them.
describe('the product reference\'s settings and codes', () => {
  it.each([
    ['max endpoints per user default?', 'registrar-configuration-endpoint-limits', ['8 endpoints', '1 to 64']],
    ['default endpoint expiration on the registrar', 'registrar-configuration-endpoint-limits', ['600']],
    ['whats the maximum number of endpoints a user can have', 'registrar-configuration-endpoint-limits', ['8 endpoints']],
    ['proxy config - what scopes exist', 'proxy-configuration-scopes-and-defaults', ['service:EdgeServer:', 'no site object']],
    ['default MaxClientMessageBodySizeKb', 'proxy-configuration-scopes-and-defaults', ['128']],
    ['how long does cls keep its cache files', 'cls-configuration-folders-and-retention', ['14 days']],
    ["what's the default retention for centralized logging service trace files on the front end", 'cls-configuration-folders-and-retention', ['14 days']],
    ['what does ms-diagnostics 1047 mean', 'diagnostic-codes-1047-and-2165', ['not a sign-in failure']],
    ['sip 488 ms-diagnostics 2165', 'diagnostic-codes-1047-and-2165', ['migrated to Exchange']],
    ['external https port?', 'web-services-ports', ['4443']],
    ['what attribute shows lockout in AD', 'account-lockout-old-saved-password', ['LockedOut', 'badPwdCount']],
    ['get-csuser shows ClientPolicy empty, does that mean no client policy applies?', 'effective-policy-for-a-user', ['Get-CsEffectivePolicy']],
    ['can i put lyncdiscover in both internal and external dns', 'server-temporarily-unavailable-discovery', ['split-brain DNS is not supported']],
  ])('"%s" gets %s with %j', (question, id, facts) => {
    expect(answeredWith(knowledge, question)).toBe(id);
    const { reply } = knowledge.answer(question);
    for (const fact of facts) expect(reply.text).toContain(fact);
  });

  it('"how do I read the proxy settings on my edge pool" leads with the read, for the Edge', () => {
    const { reply } = knowledge.answer('how do I read the proxy settings on my edge pool edge01.contoso.com');
    expect(answeredWith(knowledge, 'how do I read the proxy settings on my edge pool edge01.contoso.com')).toBe('proxy-configuration-scopes-and-defaults');
    expect(reply.text).toMatch(/^\*\*Proxy settings[^\n]*\n\n`Get-CsProxyConfiguration`/);
    expect(reply.text).toContain('service:EdgeServer:<Edge pool FQDN>');
  });

  // Words these articles share with questions they do not answer.
  it.each([
    'how to federate our lync server with a partner company that also runs lync, access edge settings?',
  ])('"%s" is not answered', (question) => {
    expect(knowledge.search(question).answered).toBe(false);
  });
});
