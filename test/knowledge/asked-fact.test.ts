import { describe, expect, it } from 'vitest';
import { factsAsked, statesFactsAsked } from '../../src/knowledge/asked-fact';
import { normaliseText } from '../../src/knowledge/text';

const asked = (question: string) => factsAsked(normaliseText(question));
const states = (question: string, article: string) => statesFactsAsked(normaliseText(question), normaliseText(article));

describe('the kind of fact a question asks for', () => {
  it.each([
    ['how long is the certificate good for', ['duration']],
    ['how many minutes can the clock be off', ['duration']],
    ['how often do i have to reset it', ['duration']],
    ['what is the retention period for the logs', ['duration']],
    ['how many times can i get the pin wrong', ['attempts']],
    ['which firewall port does it listen on', ['port']],
    ['port number for the agent?', ['port']],
    ['key size 1024 or 2048?', ['key size']],
    ['how much does the module cost per user', ['price']],
    ['is there a minimum pin length', ['length']],
    ['how many digits does the pin need', ['length']],
    ['which registry key holds the saved password', ['registry']],
    ['what ios version is recommended', ['os version']],
    ['does it work on android', []],
    ['how many virtual smart cards can one machine hold', ['count']],
    ['how many public ip addresses does the edge need', ['count']],
    ['how many times can i try', ['attempts']],
    ['how do i sign in with a smart card', []],
    ['how many users can a pool hold', ['count']],
    ['what is the token lifetime', []],
    ['which server is the registrar', []],
    ['what cookie persistence timeout should the virtual server use', ['duration']],
    ['which idle timeout do i set on the load balancer', ['duration']],
    ['who is the CEO', ['person']],
    ["who's my manager?", ['person']],
    ['who can see my presence', []],
    ['who is allowed to enroll a smart card for lync users', []],
    ["whats the cmdlet to enable her for lync", ['cmdlet']],
    ['which cmdlets push cms replication now', ['cmdlet']],
    ['is there a cmdlet for that', ['cmdlet']],
    ['i ran the cmdlet and it failed', []],
    ['exact version number of the store app that fixed it', ['version number']],
    ['which build fixed it', ['version number']],
    ['how big can the log file get', ['size']],
    ["what's the max file size for a transfer", ['size']],
    ['how much disk space do the traces need', ['size']],
    ['is the photo size limit the same in exchange', ['size']],
    ['how big is my problem', ['size']],
    ['which version of lync do i need', []],
  ])('%j asks for %j', (question, kinds) => {
    expect(asked(question)).toEqual(kinds);
  });

  it.each([
    ['how long is the token lifetime', 'Set the token lifetime to 240 minutes.', true],
    ['how long is the token lifetime', 'A token lifetime of eight hours covers a working day.', true],
    ['how long is the token lifetime', 'Set the token lifetime on the relying party trust.', false],
    ['how many times can i type a wrong pin', 'After 5 wrong attempts the card locks.', true],
    ['how many times can i type a wrong pin', 'The default PIN is 12345678.', false],
    ['which port does replication use', 'Replication uses HTTPS on port 4443.', true],
    ['which port does replication use', 'It listens on 5061/TCP.', true],
    ['which port does replication use', 'Replication uses HTTPS.', false],
    ['what key size should i choose', 'Pick a 2048-bit key.', true],
    ['what key size should i choose', 'Pick the Smartcard User template.', false],
    ['how much does it cost per user', 'It costs $4 per user.', true],
    ['how much does it cost per user', 'Install the module on the front end.', false],
    ['how do i sign in', 'Type your address and click Sign In.', true],
    ['is there a minimum pin length', 'The PIN needs at least 6 digits.', true],
    ['is there a minimum pin length', 'The default PIN is 12345678.', false],
    ['which registry key turns tracing on', 'Set EnableTracing=1 under HKCU\\Software\\Microsoft\\Office\\15.0\\Lync.', true],
    ['which registry key turns tracing on', 'The client policy turns tracing on.', false],
    ['how many public ip addresses does the edge need', 'The edge needs three public IP addresses.', true],
    ['how many virtual smart cards can one machine hold', 'A machine holds up to 10 virtual smart cards.', true],
    ['how many virtual smart cards can one machine hold', 'A virtual smart card needs Windows 8 with a TPM.', false],
    ['how many public ip addresses does the edge need', 'Lync Server 2013 edge servers need a public certificate.', false],
    ['what ios version is recommended', 'It needs iOS 7 or later.', true],
    ['what ios version is recommended', 'Lync 2013 for mobile from release 5.2 supports it.', false],
    ['whats the cmdlet to enable a user', 'Run Enable-CsUser with the pool.', true],
    ['whats the cmdlet to enable a user', 'Open the Control Panel and enable the user.', false],
    ['exact version number of the app that fixed it', 'Fixed in 5.4.1087.', true],
    ['exact version number of the app that fixed it', 'Update to the latest version.', false],
    ['how big is a replication package', 'A data package is usually under 100 Kb.', true],
    ['what is the max photo size', 'Photos up to 648x648 pixels are kept.', true],
    ['how much disk space do the logs take', 'Logs are written to the app data folder.', false],
  ])('%j is answered by %j: %j', (question, article, expected) => {
    expect(states(question, article)).toBe(expected);
  });
});
