import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge';
import { asksToRead, readCmdletAsked, readCommandFor } from '../../src/knowledge/read-commands';

const knowledge = loadKnowledgeBase(resolve(__dirname, '..', '..', 'knowledge'));

describe('asking to see a setting, not to change it', () => {
  it.each([
    ['which cmdlet shows whether passive auth is on for a pool', true],
    ['how can I read the current UseWsFedPassiveAuth value for my pool?', true],
    ['which Get cmdlet shows if NTLM is still enabled on the registrar?', true],
    ['how do i check if passive auth is enabled', true],
    ['what is UseWindowsAuth set to on our pool', true],
    ['i just want to look without changing anything', true],
    ['is passive auth enabled on pool01.contoso.com? how do i look', true],
    ['whats the command to see registrar auth settings', true],
    ['wanna look at the registrar auth methods before i touch anything', true],
    ['is ntlm still on for the registrar', true],
    ['how do i turn on passive auth for lync web services', false],
    ['set usewindowsauth to none on the pool', false],
    ['what does UseWsFedPassiveAuth do', false],
  ])('"%s" asks to read: %s', (question, expected) => {
    expect(asksToRead(question)).toBe(expected);
  });
});

describe('the read of what a write changes', () => {
  it.each([
    // A pool named as the write names it becomes the service scope the Get- cmdlet takes.
    ['`Set-CsWebServiceConfiguration -Identity WebServer:pool.contoso.com -UseWindowsAuth None -UseWsFedPassiveAuth $true`', 'Get-CsWebServiceConfiguration -Identity service:WebServer:pool.contoso.com | Select-Object Identity, UseWindowsAuth, UseWsFedPassiveAuth', 'Set-CsWebServiceConfiguration'],
    ['run `New-CsProxyConfiguration -Identity registrar:<FQDN> -UseKerberosForClientToProxyAuth $false -UseNtlmForClientToProxyAuth $false`', 'Get-CsProxyConfiguration -Identity service:Registrar:<FQDN> | Select-Object Identity, UseKerberosForClientToProxyAuth, UseNtlmForClientToProxyAuth', 'New-CsProxyConfiguration'],
    // No scope in the write: the pool's own scope, as a placeholder.
    ['`Set-CsWebServiceConfiguration -UseWsFedPassiveAuth $true -WsFedPassiveMetadataUri https://adfs/metadata.xml`', 'Get-CsWebServiceConfiguration -Identity service:WebServer:<pool FQDN> | Select-Object Identity, UseWsFedPassiveAuth, WsFedPassiveMetadataUri', 'Set-CsWebServiceConfiguration'],
    ['assign it with `New-CsKerberosAccountAssignment -UserAccount "contoso\\kerbauth" -Identity site:Redmond`', 'Get-CsKerberosAccountAssignment -Identity site:Redmond', 'New-CsKerberosAccountAssignment'],
    ['`Set-CsMobilityPolicy -Identity tag:Sales -EnableOutsideVoice $false`', 'Get-CsMobilityPolicy -Identity tag:Sales | Select-Object Identity, EnableOutsideVoice', 'Set-CsMobilityPolicy'],
  ])('%s → %s', (text, command, write) => {
    expect(readCommandFor([text])).toEqual({ command, write });
  });

  it.each([
    // A password, a topology, a certificate: nothing a Get- cmdlet of the reference reads back.
    '`Set-CsKerberosAccountPassword -UserAccount contoso\\kerbauth`',
    'then run `Enable-CsTopology`',
    '`Get-CsUser alice` shows the pool',
  ])('%s has no read to offer', (text) => {
    expect(readCommandFor([text])).toBeUndefined();
  });
});

describe('the cmdlet that reads a setting named in words', () => {
  it.each([
    ['which powershell shows me the current mobility policy', 'Get-CsMobilityPolicy'],
    ['how do i see the web service config for my pool', 'Get-CsWebServiceConfiguration'],
    ['how do i look at the cls settings', 'Get-CsClsConfiguration'],
    ['how can we check the client policies', 'Get-CsClientPolicy'],
    ['how do i check the proxy settings on my edge', 'Get-CsProxyConfiguration'],
    // Not asked to look, already named, or two settings at once: the question is searched as typed.
    ['how do i fix the mobility policy', undefined],
    ['which cmdlet shows Get-CsMobilityPolicy', undefined],
    ['how do i see the client policy and the presence policy', undefined],
    ['how do i see my lync contacts', undefined],
  ])('"%s": %s', (question, cmdlet) => {
    expect(readCmdletAsked(question)).toBe(cmdlet);
  });
});

describe('the policy a user actually gets', () => {
  it('"which cmdlet shows the effective policy" names Get-CsEffectivePolicy and the order by hand', () => {
    const { reply } = knowledge.answer('which cmdlet shows the effective policy');
    expect(reply.text).toMatch(/Get-CsEffectivePolicy/);
    expect(reply.text).toMatch(/per-user policy .* wins; otherwise the site policy/);
  });
});

describe('an admin who asks to look gets the read before the write', () => {
  it.each([
    ['which cmdlet shows whether passive auth is on for a pool', 'Get-CsWebServiceConfiguration -Identity service:WebServer:'],
    ['which Get cmdlet shows if NTLM/kerberos client-to-proxy auth is still enabled on the registrar?', 'Get-CsProxyConfiguration -Identity service:Registrar:'],
    ['which cmdlet lists the kerberos account assigned to a site', 'Get-CsKerberosAccountAssignment -Identity site:'],
    // Named only as a setting, with no word of the article's example questions but its topic.
    ['which powershell shows me the current mobility policy', 'Get-CsMobilityPolicy'],
    // The Edge's own proxy settings, not the Registrar's the article changes.
    ['how do i look at the ntlm setting on the edge pool before i change it', 'Get-CsProxyConfiguration -Identity service:EdgeServer:<edge pool FQDN>'],
    // The Edge's own proxy settings, not the Registrar's the article changes.
    ['how do i look at the ntlm setting on the edge pool before i change it', 'Get-CsProxyConfiguration -Identity service:EdgeServer:<edge pool FQDN>'],
  ])('"%s" leads with %s', (question, read) => {
    const { reply } = knowledge.answer(question);
    expect(reply.text.startsWith('To see the current values without changing anything: `' + read)).toBe(true);
    expect(reply.text).toMatch(/which changes them/);
  });

  it('"how do i turn on passive auth for lync web services" gets the write with no read in front', () => {
    const { reply } = knowledge.answer('how do i turn on passive auth for lync web services');
    expect(reply.text).not.toMatch(/without changing anything/);
    expect(reply.text).toMatch(/Set-CsWebServiceConfiguration/);
  });
});
