import { describe, expect, it } from 'vitest';
import { commandRequested } from '../../src/interpretation/command-requests';

describe('checks asked for in words', () => {
  it.each([
    ['check passive auth on lync-int.contoso.dk', 'check pool lync-int.contoso.dk'],
    ['can you look at the auth settings on pool lync-int.contoso.dk', 'check pool lync-int.contoso.dk'],
    ['can you test whether our sip domain contoso.dk resolves properly from outside, lyncdiscover etc', 'probe contoso.dk'],
    ['please check the dns records for fabrikam.com', 'probe fabrikam.com'],
    ["why can't ken@contoso.dk sign in", 'check user ken@contoso.dk'],
    ['can you check sip:Ken@Contoso.dk for me', 'check user ken@contoso.dk'],
    ['which policies apply to ken@contoso.dk, can you look', 'show policies ken@contoso.dk'],
  ])('"%s" → %s', (text, command) => {
    expect(commandRequested(text)).toMatchObject({ kind: 'command', command });
  });

  it('the request without the address it names is what the knowledge base is asked', () => {
    expect(commandRequested('can you check if user bob@contoso.dk is enabled for lync')).toMatchObject({ about: expect.not.stringContaining('contoso') });
  });

  it.each(['show me the open tickets', 'whats in the queue', 'any handoffs waiting', 'can you list the tickets', 'what are the open tickets', 'morning. whats in the queue, anything from users today?', 'anything in the queue?'])('"%s" asks for the ticket list', (text) => {
    expect(commandRequested(text)).toEqual({ kind: 'listing', command: 'tickets' });
  });
  it.each(['whats a web ticket', 'show me the ticket H-ABC123', 'the webticket service queue is full'])('"%s" is no request for the ticket list', (text) => {
    expect(commandRequested(text)?.kind).not.toBe('listing');
  });

  it.each(['what checks can you run for me', 'which commands do you have?', 'list your checks'])('"%s" asks what the bot can run', (text) => {
    expect(commandRequested(text)).toEqual({ kind: 'capabilities' });
  });

  it.each([
    ['run Invoke-CsManagementStoreReplication', 'Invoke-CsManagementStoreReplication'],
    ['can you execute Set-CsUser -Identity ken -Enabled $true', 'Set-CsUser'],
    ['ok please run grant-cspresencepolicy for the ceo', 'grant-cspresencepolicy'],
  ])('"%s" asks the bot to change something: %s', (text, cmdlet) => {
    expect(commandRequested(text)).toEqual({ kind: 'changes', cmdlet });
  });

  it.each([
    // Questions about a host or a cmdlet, not requests for the bot to look or act.
    'what port does lync-edge.contoso.dk use for sip',
    'should i run Set-CsClientPolicy to fix it?',
    'what does Invoke-CsManagementStoreReplication do',
    'run Get-CsUser ken', // a read; the check commands are how the bot reads
    'is cms replication ok?',
    'my address is ken@contoso.dk and lync wont sign in on my iphone', // no request to look
    'check the clock on my surface',
    'what commands create the separate external EWS and autodiscover vdirs on Exchange 2013?',
  ])('"%s" is no such request', (text) => {
    expect(commandRequested(text)).toBeUndefined();
  });
});
