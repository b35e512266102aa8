import { describe, expect, it } from 'vitest';
import { aboutSameUser, aboutWorthSearching, bareAddress, bareHost, commandRequested, poolNamedWithoutHost, reportInWords, sameCommandFor, scheduleAsked, userNamedWithoutAddress, whyAboutOfferedUser } from '../../src/interpretation/command-requests';

describe('checks asked for in words', () => {
  it.each([
    ['check passive auth on lync-int.contoso.dk', 'check pool lync-int.contoso.dk'],
    ['can you look at the auth settings on pool lync-int.contoso.dk', 'check pool lync-int.contoso.dk'],
    ['can you test whether our sip domain contoso.dk resolves properly from outside, lyncdiscover etc', 'probe contoso.dk'],
    ['please check the dns records for fabrikam.com', 'probe fabrikam.com'],
    ['is passive auth on for lync-int.contoso.dk?', 'check pool lync-int.contoso.dk'],
    ['and the pool lync-int.contoso.dk, is passive auth set up right there?', 'check pool lync-int.contoso.dk'],
    ['run a check on lync-int.contoso.dk every day at 6', 'schedule check pool lync-int.contoso.dk daily 06:00'],
    ['can you check ken@contoso.dk every hour', 'schedule check user ken@contoso.dk hourly'],
    ['watch erin@contoso.dk every 30 min', 'schedule check user erin@contoso.dk every 30 minutes'],
    ['also keep an eye on the pool lync2-int.contoso.dk hourly', 'schedule check pool lync2-int.contoso.dk hourly'],
    ['monitor erin@contoso.dk daily at 7', 'schedule check user erin@contoso.dk daily 07:00'],
    ['check ken@contoso.dk, he fails every day at 9', 'check user ken@contoso.dk'],
    ['does lync2-int.contoso.dk have kerberos enabled', 'check pool lync2-int.contoso.dk'],
    ['what is the autodiscover pool set to on lync-int.contoso.dk', 'check pool lync-int.contoso.dk'],
    ["why can't ken@contoso.dk sign in", 'check user ken@contoso.dk'],
    ['can you check sip:Ken@Contoso.dk for me', 'check user ken@contoso.dk'],
    ['which policies apply to ken@contoso.dk, can you look', 'show policies ken@contoso.dk'],
    ['where does grace@contoso.dk get her policies from', 'show policies grace@contoso.dk'],
    ['cool. sanity check lync-int.contoso.dk for me while youre at it', 'check pool lync-int.contoso.dk'],
    ['is lync2-int.contoso.dk ok?', 'check pool lync2-int.contoso.dk'],
    // Right after asking how to look something up: "do it for" someone is that look.
    ['can you just do it for erin@contoso.dk', 'check user erin@contoso.dk'],
    ['run that on lync-int.contoso.dk', 'check pool lync-int.contoso.dk'],
    // A bare domain is no server: the probe is the look there is.
    ['check contoso.com for sign in problems', 'probe contoso.com'],
    // "What's wrong with" a SIP domain's own DNS name asks for the same look at that domain.
    ["whats wrong with sip.contoso.com", 'probe contoso.com'],
    ['what is wrong with lyncdiscover.contoso.dk', 'probe contoso.dk'],
    ['can you look at contoso.dk', 'probe contoso.dk'],
    // How a name stands in DNS, asked as a question; a Lync record's name stands for its SIP domain.
    ['is sip.contoso.com resolving ok', 'probe contoso.com'],
    ['does lyncdiscover.fabrikam.com resolve from outside?', 'probe fabrikam.com'],
    ['can you check the dns for lyncdiscover.contoso.dk', 'probe contoso.dk'],
    // Ticket changes are offered, never run on a reading of words.
    ['take H-YZ4WP9', 'ticket take H-YZ4WP9'],
    ["i'll grab h-yz4wp9", 'ticket take H-YZ4WP9'],
    ['close H-YZ4WP9, she can sign in now', 'ticket resolve H-YZ4WP9'],
    // How one account stands, asked of its address: what the user check reads.
    ['is bob@contoso.com allowed to use lync', 'check user bob@contoso.com'],
    ['hey is dave@contoso.dk ok? he cant log in since monday', 'check user dave@contoso.dk'],
    ['is erin@contoso.dk even enabled?', 'check user erin@contoso.dk'],
    ['what pool is ken@contoso.dk on', 'check user ken@contoso.dk'],
  ])('"%s" → %s', (text, command) => {
    expect(commandRequested(text)).toMatchObject({ kind: 'command', command });
  });

  it('"is <pool> ok?" says nothing beyond the pool: nothing is left to ask the knowledge base', () => {
    expect(commandRequested('is lync2-int.contoso.dk ok?')).toEqual({ kind: 'command', command: 'check pool lync2-int.contoso.dk', about: '' });
  });

  it('"is contoso.dk dns ok from outside" asks nothing beyond what the probe looks at', () => {
    const request = commandRequested('can you check whether contoso.dk dns is ok from outside');
    expect(request).toMatchObject({ kind: 'command', command: 'probe contoso.dk' });
    expect(aboutWorthSearching((request as { about: string }).about)).toBe(false);
    expect(aboutWorthSearching((commandRequested('does lyncdiscover.contoso.dk resolve from outside and why would the iphone app not find the server') as { about: string }).about)).toBe(true);
  });

  it('the request without the address it names is what the knowledge base is asked', () => {
    expect(commandRequested('can you check if user bob@contoso.dk is enabled for lync')).toMatchObject({ about: expect.not.stringContaining('contoso') });
  });

  it.each(['show me the open tickets', 'whats in the queue', 'any handoffs waiting', 'can you list the tickets', 'what are the open tickets', 'morning. whats in the queue, anything from users today?', 'anything in the queue?', 'how many tickets are open', 'how many open handoffs do we have'])('"%s" asks for the ticket list', (text) => {
    expect(commandRequested(text)).toEqual({ kind: 'listing', command: 'tickets' });
  });
  it.each(['whats a web ticket', 'show me the ticket H-ABC123', 'the webticket service queue is full'])('"%s" is no request for the ticket list', (text) => {
    expect(commandRequested(text)).not.toEqual({ kind: 'listing', command: 'tickets' });
  });

  it.each(['what checks can you run for me', 'which commands do you have?', 'list your checks', 'what can i run', 'so what can i do as helpdesk then', 'why cant i run it', 'what can i do here', 'who runs the checks', 'what checks can an admin run through you'])('"%s" asks what the bot can run', (text) => {
    expect(commandRequested(text)).toEqual({ kind: 'capabilities' });
  });
  it.each(['what can i do', 'what can i do about it', 'what can i do to fix it', 'why cant i run lync on my mac'])('"%s" asks about the problem, not what the bot can run', (text) => {
    expect(commandRequested(text)).toBeUndefined();
  });

  it.each([
    ['run Invoke-CsManagementStoreReplication', 'Invoke-CsManagementStoreReplication'],
    ['can you execute Set-CsUser -Identity ken -Enabled $true', 'Set-CsUser'],
    ['ok please run grant-cspresencepolicy for the ceo', 'grant-cspresencepolicy'],
    // Typed as the command itself.
    ['Remove-CsUser ken', 'Remove-CsUser'],
  ])('"%s" asks the bot to change something: %s', (text, cmdlet) => {
    expect(commandRequested(text)).toEqual({ kind: 'changes', cmdlet });
  });
  it.each([
    ['restart rtcsrv', 'restart rtcsrv'],
    ['can you bounce the front end service', 'bounce front end service'],
  ])('"%s" asks the bot to stop or start a server\'s service: %s', (text, cmdlet) => {
    expect(commandRequested(text)).toEqual({ kind: 'changes', cmdlet, service: true });
  });
  it.each([
    ['please enable dave@contoso.dk for lync', 'Enable-CsUser'],
    ['can you disable ken for lync', 'Disable-CsUser'],
    ['move sip:bob@contoso.dk to the other pool', 'Move-CsUser'],
    ['please re-enable dave', 'Set-CsUser'],
    ['grant carol the PassiveAuthUsers mobility policy please', 'Grant-CsMobilityPolicy'],
    ['assign bob@contoso.dk the external access policy', 'Grant-CsExternalAccessPolicy'],
    ['can you make carol enabled again', 'Set-CsUser'],
    // A certificate or the logging of a server, changed in plain words.
    ['revoke carol@contoso.dk client certificate', 'Revoke-CsClientCertificate'],
    ['can you revoke her cert', 'Revoke-CsClientCertificate'],
    ['fine. start cls logging with the Authentication scenario on lync3-int for an hour', 'Start-CsClsLogging'],
    ['stop the cls logging now', 'Stop-CsClsLogging'],
  ])('"%s" asks in plain words for a change a cmdlet makes: refused, naming %s', (text, cmdlet) => {
    expect(commandRequested(text)).toEqual({ kind: 'changes', cmdlet });
  });
  it.each([
    ['ok apply that fix', 'applying the fix'],
    ['just run the fix from the check for me', 'applying the fix'],
    ["unlock dave's pin", 'locking, unlocking or resetting a PIN'],
    ['can you just set usewindowsauth to none on lync3 then', 'changing usewindowsauth'],
    ['can you fix the users account yourself', 'fixing an account'],
    ["can you unlock bob's AD account", 'unlocking an account in Active Directory'],
  ])('"%s" asks in plain words for a change: refused, described as %s', (text, cmdlet) => {
    expect(commandRequested(text)).toMatchObject({ kind: 'changes', cmdlet, described: true });
  });
  it('a setting named in the change is given back, for the article that names it', () => {
    expect(commandRequested('can you just set usewindowsauth to none on lync3 then')).toMatchObject({ setting: 'usewindowsauth' });
  });
  it.each([
    'enable logging in the store app',
    'disable ipv6 on the edge',
    're-enable logging please',
    'give me a client policy tip',
    'how do i assign the mobility policy',
    // Asked about, or reported done, not asked of the bot.
    'is that fix safe to run at global?',
    'how do i apply the fix',
    'should i apply that fix?',
    'set my status to away',
    'set UseWsFedPassiveAuth to true but mobile clients never get redirected to adfs',
    'reset my pin',
    'how do i revoke a client certificate',
    'can you fix my account',
    'how do i fix the account',
    'make sure logging is enabled',
  ])('"%s" asks the bot for no change', (text) => {
    expect(commandRequested(text)).not.toMatchObject({ kind: 'changes' });
  });
  it('"run Get-CsUser sip:ken@contoso.dk" is the read `check user` runs', () => {
    expect(commandRequested('run Get-CsUser sip:ken@contoso.dk for me')).toMatchObject({ kind: 'command', command: 'check user ken@contoso.dk' });
  });

  it.each([
    // Questions about a host or a cmdlet, not requests for the bot to look or act.
    'what port does lync-edge.contoso.dk use for sip',
    'should i run Set-CsClientPolicy to fix it?',
    'should i restart rtcsrv',
    'restart lync',
    'what does Invoke-CsManagementStoreReplication do',
    'run Get-CsUser ken', // a read; the check commands are how the bot reads
    'is contoso.dk ok?', // a SIP domain, not a server
    'is cms replication ok?',
    'my address is ken@contoso.dk and lync wont sign in on my iphone', // no request to look
    'check the clock on my surface',
    'what commands create the separate external EWS and autodiscover vdirs on Exchange 2013?',
    // Admin rights for something else than this bot.
    'does the user need admin rights to install lync',
    'how do i get admin access to the lync control panel',
  ])('"%s" is no such request', (text) => {
    expect(commandRequested(text)).toBeUndefined();
  });
});

describe('read-only listings asked for in words', () => {
  it.each([
    ['whats sitting in the queue right now?', 'tickets'],
    ['whats waiting for us in the queue', 'tickets'],
    ['anything new in the queue?', 'tickets'],
    ['pull up ticket H-AHGWWY', 'ticket show H-AHGWWY'],
    ["who's been running checks lately? show me the last few", 'audit'],
    ['show me the audit log', 'audit'],
    ['show me what was run today', 'audit'],
    ["show me what's been run recently", 'audit'],
    ['are the powershell checks up?', 'checks status'],
    ['what checks ran today', 'audit'],
    ['how has the bot been doing this past week, what are people asking that it cant answer', 'report 7'],
    ['how many handoffs have we had this month?', 'report'],
    ['show me the report for 14 days', 'report 14'],
    ['what checks do we have scheduled', 'schedules'],
    ['when is the next scheduled check', 'schedules'],
    ['whens the next check', 'schedules'],
    ['stop the hourly one', 'schedules'],
    ['before i escalate, are the server checks even up right now?', 'checks status'],
    ['anything waiting?', 'tickets'],
    ['ok whatever. what tickets are open right now', 'tickets'],
    ['morning. anything new for us today?', 'tickets'],
    ['queue pls', 'tickets'],
    ['open tickets?', 'tickets'],
    ['anything for me?', 'tickets'],
    ['whats still open?', 'tickets'],
    ['anything urgent?', 'tickets'],
    ['ok so anything that needs attention today', 'tickets'],
    ['anyone waiting?', 'tickets'],
    ['what did people run lately', 'audit'],
    ['who ran what today', 'audit'],
    ['what was the last thing i ran', 'audit'],
    ['show me what you ran today', 'audit'],
    ["what's scheduled right now", 'schedules'],
    ['what have you run for me', 'audit'],
    ['what did you check', 'audit'],
    ["how's the bot doing this week, answer rate etc", 'report 7'],
    ['whats the report for the last 14 days', 'report 14'],
    ['show me the helpdesk report', 'report'],
    ['what did people ask about most this week', 'report 7'],
    ['what are the most asked questions', 'report'],
    ['show me the audit for today', 'audit'],
    ['show the last 20 audit entries', 'audit 20'],
    ['can you show me the latest 5 audit', 'audit 5'],
    ['how many people asked about smart cards today', 'report 1'],
    ['how are we doing this month, the usage numbers', 'report'],
    ['how many people asked about smart cards this month', 'report'],
    ['how many users have asked about the store app', 'report'],
    ['what have i got scheduled', 'schedules'],
    ['show me the last few commands people ran', 'audit'],
    ['the last checks we ran?', 'audit'],
  ])('"%s" → %s', (text, command) => {
    expect(commandRequested(text)).toEqual({ kind: 'listing', command });
  });
  it.each([
    "what's new in lync 2013 for mobile",
    'anything waiting in my voicemail',
    'the queue is not ringing in the response group',
    'what did people run into with the iphone app',
    'what did i run into',
    'anything else?',
    'anything urgent i should know about lync for mac',
    'anyone waiting for the meeting to start gets dropped',
  ])('"%s" is no request at all', (text) => {
    expect(commandRequested(text)).toBeUndefined();
  });
  it.each(['how do i audit sign ins', 'how many questions does the troubleshooter ask', 'is lync scheduled for an upgrade', 'are the meetings up', 'how many times can i type the wrong pin'])('"%s" is none', (text) => {
    expect(commandRequested(text)?.kind).not.toBe('listing');
  });
});

describe('the same command for another user', () => {
  it.each([
    ['and dave?', 'check user dave@contoso.dk'],
    ['ok now do bob', 'check user bob@contoso.dk'],
    ['what about carol@fabrikam.com', 'check user carol@fabrikam.com'],
    ['same for erin please', 'check user erin@contoso.dk'],
    ['frank too', 'check user frank@contoso.dk'],
    ['check bob again', 'check user bob@contoso.dk'],
    // The same one again, as it was.
    ['check her again', 'check user alice@contoso.dk'],
    ['run it again please', 'check user alice@contoso.dk'],
    ['once more', 'check user alice@contoso.dk'],
  ])('after "check user alice@contoso.dk", "%s" → %s', (text, command) => {
    expect(sameCommandFor(text, 'check user alice@contoso.dk')).toBe(command);
  });
  it.each(['and the pin??', 'yes', 'thanks', 'cool', 'weird', 'hmm interesting', 'and why is that', 'what does that mean for her sign in'])('"%s" is no other user', (text) => {
    expect(sameCommandFor(text, 'check user alice@contoso.dk')).toBeUndefined();
  });
  it('only after a command about one user; "again" after any command', () => {
    expect(sameCommandFor('and dave?', 'tickets')).toBeUndefined();
    expect(sameCommandFor('run that again', 'check pool lyncpool.contoso.dk')).toBe('check pool lyncpool.contoso.dk');
    expect(sameCommandFor('again and again it fails', 'check pool lyncpool.contoso.dk')).toBeUndefined();
    expect(sameCommandFor('and dave?', 'show policies alice@contoso.dk')).toBe('show policies dave@contoso.dk');
  });
});

describe('the last check on a schedule', () => {
  it.each([
    ['can you run that lync3 pool check every morning at 7 and tell us if it changes', 'schedule check pool lync3.contoso.dk daily 07:00'],
    ['schedule that daily at 07:30', 'schedule check pool lync3.contoso.dk daily 07:30'],
    ['do it at 7pm every day', 'schedule check pool lync3.contoso.dk daily 19:00'],
    ['run it every 30 minutes', 'schedule check pool lync3.contoso.dk every 30 minutes'],
    ['every hour please', 'schedule check pool lync3.contoso.dk hourly'],
  ])('"%s" → %s', (text, command) => {
    expect(scheduleAsked(text, 'check pool lync3.contoso.dk')).toBe(command);
  });
  it.each(['thanks', 'what does it check every time', 'run it again', 'stop the hourly one', 'no, dont run it every day'])('"%s" is no schedule', (text) => {
    expect(scheduleAsked(text, 'check pool lync3.contoso.dk')).toBeUndefined();
  });
  it('only after a check', () => {
    expect(scheduleAsked('every morning at 7', 'tickets')).toBeUndefined();
  });
  it('"also watch erin every 30 min" is about erin: in the last user\'s domain, or the last pool\'s own domain, never the pool', () => {
    expect(scheduleAsked('also watch erin every 30 min', 'check user bob@contoso.dk')).toBe('schedule check user erin@contoso.dk every 30 minutes');
    // (Only offered, with the address written out: a wrong guess at the domain is seen before anything runs.)
    expect(scheduleAsked('also watch erin every 30 min', 'check pool lync3.contoso.dk')).toBe('schedule check user erin@contoso.dk every 30 minutes');
    expect(scheduleAsked('also watch erin every 30 min', 'check pool localhost')).toBeUndefined();
    expect(scheduleAsked('keep an eye on him every hour', 'check user bob@contoso.dk')).toBe('schedule check user bob@contoso.dk hourly');
  });
});


describe('what else a request to look at someone asks of the knowledge base', () => {
  it.each([
    ["can you see if anything's wrong with erin's account, ", false],
    ['pls check  for me', false],
    ['can u check my account? im ', false],
    ["why can't  sign in", false],
    ['can you look at the auth settings on pool ', true],
    ['why cant  sign in, her iphone says cannot connect to the server', true],
    ['check  , his store app shows a certificate name error', true],
    ['is  enabled for passive authentication', true],
  ])('"%s" → %s', (about, searched) => {
    expect(aboutWorthSearching(about)).toBe(searched);
  });
});

describe('asking about oneself, what one may do, and stopping a schedule, in words', () => {
  it.each([
    ['what am i allowed to do here', { kind: 'capabilities' }],
    ['what can i do here', { kind: 'capabilities' }],
    ['who am i logged in as', { kind: 'listing', command: 'whoami' }],
    ["what's my role", { kind: 'listing', command: 'whoami' }],
    ['am i an admin?', { kind: 'listing', command: 'whoami' }],
    // A role in the bot asked for: who the caller is, and how an administrator adds them.
    ['add me to HELPDESK_ADMINS', { kind: 'listing', command: 'whoami' }],
    ['make me an admin', { kind: 'listing', command: 'whoami' }],
    ['how do i get admin rights on you', { kind: 'listing', command: 'whoami' }],
    ['give me admin rights in this bot', { kind: 'listing', command: 'whoami' }],
    ['how do i get agent access here?', { kind: 'listing', command: 'whoami' }],
    ['cancel that schedule', { kind: 'listing', command: 'schedules' }],
    ['stop the daily pool check', { kind: 'listing', command: 'schedules' }],
  ])('"%s"', (text, expected) => {
    expect(commandRequested(text)).toEqual(expected);
  });

  it.each(['who am i supposed to call about this', 'can i stop lync from starting every day', 'the meeting schedule page is blank'])('not such a request: "%s"', (text) => {
    expect(commandRequested(text)).toBeUndefined();
  });
});

describe('a schedule asked for after a check names no other target', () => {
  it.each([
    ['schedule check pool lync-int.contoso.dk daily 07:00', 'check pool lync2-int.contoso.dk'],
    ['can you run the lync-int pool check every morning at 7 utc', 'check user dave@contoso.dk'],
    ['now check ken@contoso.dk every hour', 'check user dave@contoso.dk'],
    ['run the user check every morning at 7', 'check pool lync-int.contoso.dk'],
  ])('"%s" after `%s` is not that check on a schedule', (text, last) => {
    expect(scheduleAsked(text, last)).toBeUndefined();
  });

  it('"can you run that pool check every morning at 7" after a pool check is that check', () => {
    expect(scheduleAsked('can you run that pool check every morning at 7', 'check pool lync-int.contoso.dk')).toBe('schedule check pool lync-int.contoso.dk daily 07:00');
  });
});

describe('a user to check named without an address', () => {
  it.each([
    ["can you check john smith's account", true],
    ['check bobs login', true],
    ["check bob's lync login please", true],
    ['could u look at erin’s lync account please', true],
    ["can you look at carol's account real quick", true],
    ['can u look up jsmith', false],
    ['lookup erin', false],
    ['can you look up the user jsmith please', false],
    ['can you see if ken is enabled for lync', true],
    ['could you find out whether erin smith is set up for lync', true],
    ['check if bob is still enabled', true],
    ['can you check if bob can sign in', true],
    ['see whether erin cant log in', true],
    ['check every morning that alice is still enabled', true],
    ['is ken enabled for lync?', false],
    ['is erin homed', false],
    // Why someone's sign-in fails, asked of the one who can read their account.
    ["hey can you see why bob can't sign in?", true],
    ['bob cant sign in, can you check him', true],
    ['why john smith cant log in', true],
  ])('"%s" names someone (said as an account: %s)', (text, certain) => {
    expect(userNamedWithoutAddress(text)).toMatchObject({ certain });
  });
  it('the name is given back, to search the rest without it', () => {
    expect(userNamedWithoutAddress('is alice enabled for lync')?.name).toBe('alice');
    expect(userNamedWithoutAddress("can you check john smith's account")?.name).toBe('john smith');
  });
  it.each(['look up jsmith@contoso.com', 'check my account', 'check the pool', 'look up the logs', 'check lync account', 'check passive auth login', 'look up kerberos spn', 'how do i check my account', 'check lync-int.contoso.dk', 'is logging enabled for lync', 'is passive auth enabled', 'see if he is enabled', 'is my account enabled for lync', 'is tracing enabled in lync', 'is ken enabled for lync but cant sign in on his iphone', "why can't i sign in", 'why cant lync sign in', "why can't my iphone sign in", 'why cant users sign in from outside'])('"%s" names no one', (text) => {
    expect(userNamedWithoutAddress(text)).toBeUndefined();
  });
});

describe('a question about the user the last check was about', () => {
  it.each([
    ['and what pool is she on', 'check user alice@contoso.com'],
    ['is he even enabled for lync?', 'check user alice@contoso.com'],
    ['what policies does she have', 'show policies alice@contoso.com'],
    ["where's that user homed", 'check user alice@contoso.com'],
  ])('"%s" → %s', (text, command) => {
    expect(aboutSameUser(text, 'check user alice@contoso.com')).toBe(command);
  });

  it.each([
    // No pointer to the user, nothing a look at a user reads, another address, or a longer question of its own.
    'what pool is the lab on',
    'is she happy now',
    'she says lync keeps asking for her password',
    'and bob@contoso.com, what pool is he on',
    'she says lync on her iphone keeps asking for the adfs page again and again after she enters her password',
  ])('"%s" is no such question', (text) => {
    expect(aboutSameUser(text, 'check user alice@contoso.com')).toBeUndefined();
  });

  it('only after a check of one user', () => {
    expect(aboutSameUser('what pool is she on', 'check pool lync-int.contoso.dk')).toBeUndefined();
    expect(aboutSameUser('what pool is she on', '')).toBeUndefined();
  });
});

describe('why a user fails, while a check of that user is offered', () => {
  it.each(['why cant he sign in then', "what's wrong with her account", 'so why wont she log in'])('"%s" is the check offered again', (text) => {
    expect(whyAboutOfferedUser(text, 'check user bob@contoso.com')).toBe('check user bob@contoso.com');
  });
  it.each(['why cant lync sign in', 'why cant carol@contoso.com sign in', 'what pool is he on'])('"%s" is not', (text) => {
    expect(whyAboutOfferedUser(text, 'check user bob@contoso.com')).toBeUndefined();
  });
  it('only a check of one user', () => {
    expect(whyAboutOfferedUser('why cant he sign in', 'check pool lync-int.contoso.dk')).toBeUndefined();
  });
});


describe('a message that is only an address', () => {
  it.each([
    ['bob@contoso.com', 'bob@contoso.com'],
    ['sip:Bob@Contoso.com', 'bob@contoso.com'],
    ["it's ken@contoso.dk", 'ken@contoso.dk'],
    ['here: erin.smith@contoso.dk?', 'erin.smith@contoso.dk'],
    ['his address is dave@contoso.dk thanks', 'dave@contoso.dk'],
    ['ok, try frank@contoso.dk', 'frank@contoso.dk'],
    ['what about carol@contoso.dk', 'carol@contoso.dk'],
    ['and how about dave@contoso.dk?', 'dave@contoso.dk'],
  ])('"%s" is %s', (text, address) => {
    expect(bareAddress(text)).toBe(address);
    expect(commandRequested(text)).toEqual({ kind: 'command', command: `check user ${address}`, about: '' });
  });

  it.each(['bob@contoso.com cant sign in on his iphone', 'what is bob@contoso.com', 'email me at bob@contoso.com about the logs', 'contoso.com', 'bob'])('"%s" is more (or less) than an address', (text) => {
    expect(bareAddress(text)).toBeUndefined();
  });
});

describe('a pool asked after without its name', () => {
  it.each(['is the pool ok', 'is our front end pool healthy?', 'can you check the pool settings', "how's the registrar doing", 'check the lync pool again please', 'is the pool set up right'])('%s', (text) => {
    expect(poolNamedWithoutHost(text)).toBe(true);
  });
  it.each(['is pool01.contoso.com ok', 'what is a registrar pool', 'is passive auth a pool level setting', 'check the pool for bob@contoso.com', 'how many users fit in a pool'])('%s is not', (text) => {
    expect(poolNamedWithoutHost(text)).toBe(false);
  });
  it('its name alone, next, is the pool (a two-label domain is not one)', () => {
    expect(bareHost('lyncpool01.contoso.dk')).toBe('lyncpool01.contoso.dk');
    expect(bareHost("it's pool01.emea.contoso.com")).toBe('pool01.emea.contoso.com');
    expect(bareHost('contoso.com')).toBeUndefined();
    expect(bareHost('is lyncpool01.contoso.dk ok')).toBeUndefined();
  });
});

describe('the report command with its period in words', () => {
  it.each([
    ['report for the last 7 days', 'report 7'],
    ['report this week', 'report 7'],
    ['report for 90 days', 'report 90'],
  ])('"%s" → %s', (text, command) => {
    expect(reportInWords(text)).toBe(command);
  });
  it.each(['report 7', 'report', 'report foo', 'the report was wrong'])('"%s" is left to the command parser or the rest', (text) => {
    expect(reportInWords(text)).toBeUndefined();
  });
});
