import { describe, expect, it } from 'vitest';
import { caseLineFor, linesForClient, passageFor, statesNegatedCase, stepsAfter } from '../../src/knowledge/passage';

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

describe('which of the ways an answer gives fits the case told', () => {
  const ways = {
    title: 'Close vs Sign Out vs Exit',
    answer: 'Close keeps you signed in; Sign Out ends the session; Exit ends it and shuts Lync down.',
    steps: ['Close: the window closes and you stay signed in.', 'Exit: the session ends; to start it again use Start > All Programs.'],
    caveats: ['When signing out on a shared PC, tick the option to delete your sign-in information.'],
  };
  it('"which should i pick if a coworker is going to use my pc" is the shared PC line, not the one that says "use"', () => {
    expect(passageFor(ways, 'ok which should i pick if a coworker is going to use my pc')).toBe(ways.caveats[0]);
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

describe('"what next" after an answer with steps: the steps after the one the user has done', () => {
  const logging = {
    title: 'Turning on logging in Lync 2013 on a PC and finding the log files',
    steps: [
      'In Lync open Options > General and set Logging in Lync to Full (the event logging box next to it is a separate setting).',
      'Exit Lync from its menu and make sure it has really stopped.',
      'Start Lync, reproduce the problem, and note the time.',
      'Exit Lync again, then zip the Tracing folder and attach the zip to your ticket.',
    ],
  };
  const from = (first: number) => logging.steps.slice(first - 1).map((step, at) => `${first + at}. ${step}`).join('\n');
  it.each([
    // Doing what the article is about is its first step.
    ['ok turned it on, what next', from(2)],
    ['set it to full, now what?', from(2)],
    ['i reproduced the problem, what do i do next', from(4)],
    ["ok that's done, whats next"],
  ])('"%s"', (question, expected?: string) => {
    expect(stepsAfter(logging, question)).toBe(expected);
  });
  it('no next step is asked, or the last step is done: nothing', () => {
    expect(stepsAfter(logging, 'ok turned it on')).toBeUndefined();
    expect(stepsAfter(logging, 'zipped the tracing folder and attached it, what next')).toBeUndefined();
  });
  it('"ok its on now, what next": the step that switches the setting On is the one done', () => {
    const storeApp = {
      title: 'Turning on Diagnostic Logs in the Lync Windows Store app (and restarting it)',
      steps: ['Open the Lync app.', 'Swipe in from the right edge of the screen.', 'Choose **Settings** > **Options** and switch **Diagnostic Logs** to **On**.', 'If the switch was Off, restart Lync.'],
    };
    expect(stepsAfter(storeApp, 'ok its on now, what next')).toBe('4. If the switch was Off, restart Lync.');
    expect(stepsAfter(storeApp, 'ok, what next')).toBeUndefined();
  });
  it('"what next" points at no line by its word "next"', () => {
    expect(passageFor({ ...logging, answer: 'Set logging to Full and send the folder.', caveats: [] }, 'what next')).toBeUndefined();
  });
});

describe('"I don\'t see that option" after an answer: the line for when something is not there', () => {
  const logging = {
    title: 'Turning on logging in Lync 2013 on a PC',
    answer: 'In Lync open Options > General and set Logging in Lync to Full.',
    steps: ['In Lync open Options > General and set Logging in Lync to Full.', 'Exit Lync and start it again.'],
    caveats: ['Lync 2010 writes to another folder.', 'If the logging setting is greyed out or the folder stays empty, the client policy has tracing off.'],
  };
  it.each(['nope, dont see a logging option', "i can't find that setting", 'there is no such option in my lync', 'the logging thing is greyed out'])('"%s" → the greyed-out line', (question) => {
    expect(passageFor(logging, question)).toBe(logging.caveats[1]);
  });
  it('an answer with no such line: what the words point to, as before', () => {
    const plain = { ...logging, caveats: ['Lync 2010 writes to another folder.'] };
    expect(passageFor(plain, 'i dont see lync 2010 anywhere')).toBe(plain.caveats[0]);
    expect(passageFor(plain, 'nope, dont see a logging option')).toBeUndefined();
  });
});

describe('a follow-up that states one case the answer covers', () => {
  const certificate = {
    title: 'Store app certificate name validation failure (update app, needs Windows 8.1)',
    answer: 'Update to the latest Store app. The latest app needs Windows 8.1, so upgrade Windows 8 first if necessary.',
    steps: ['Check the Windows version on the device.', 'If it is still on Windows 8, upgrade to Windows 8.1.', 'Update the Lync app from the Windows Store and sign in again.'],
    caveats: ['Seen mainly with Office 365 users.'],
  };
  const clock = {
    title: 'Store app cannot sign in because the device clock is wrong (w32tm /resync)',
    answer: 'Run w32tm /resync on the device, then sign in again.',
    steps: ['Compare the time on the device with the actual time.', 'Run w32tm /resync in an elevated command prompt.'],
    caveats: ['If the resync fails, the device may not reach a time server; set the time by hand.'],
  };
  const articles = { certificate, clock };
  it.each([
    ['im still on windows 8, not 8.1', 'certificate', certificate.steps[1]],
    ['we are on windows 8', 'certificate', certificate.steps[1]],
    ['the resync failed', 'clock', clock.caveats[0]],
    // The title's words ("update app") say what the whole answer is about; the rest is the line's case.
    ['im still on windows 8.0, can i just update the app', 'certificate', certificate.steps[1]],
  ] as const)('"%s" after the %s answer → the line for that case, even in the words of the title', (question, name, line) => {
    expect(caseLineFor(articles[name], question)).toBe(line);
    expect(passageFor(articles[name], question)).toBe(line);
  });
  it.each([
    ['the clock is fine i checked', 'clock'],
    ['i tried the resync and it still does not sign in', 'clock'],
    ['windows', 'certificate'],
  ] as const)('"%s" after the %s answer → no case: a word the line does not hold, or too few words', (question, name) => {
    expect(caseLineFor(articles[name], question)).toBeUndefined();
  });
});

describe('a "not" that states the case an answer is for', () => {
  const clock = {
    title: 'Store app cannot sign in because the device clock is wrong',
    answer: 'Run w32tm /resync on the device, then sign in again.',
    steps: ['Run w32tm /resync in an elevated command prompt, not an ordinary one.'],
    caveats: ['Most common on Surface RT devices, which are not domain members and get no time from a domain controller.'],
    questions: ['store app fails on a device not on the domain'],
    tags: ['clock', 'not domain joined'],
  };
  it.each(['its a surface rt, not on the domain', 'its not joined to the domain', 'it isnt domain joined'])('"%s" after the clock answer states its case', (question) => {
    expect(statesNegatedCase(clock, question)).toBe(true);
    expect(passageFor(clock, question)).toBe(clock.caveats[0]);
  });
  it.each(['its not the clock', 'the clock is not wrong', 'still not working', 'not an old phone', 'it is not a company laptop'])('"%s" names no case the answer names with a "not"', (question) => {
    expect(statesNegatedCase(clock, question)).toBe(false);
  });
});

describe('"not a work phone" is not a company one', () => {
  const certificate = {
    title: 'Problem verifying the certificate from the server',
    answer: 'Install the root CA on the device.',
    steps: [],
    caveats: ['A personal phone (not a company one) gets no root CA from device management.'],
    questions: [],
    tags: [],
  };
  it.each(['its not a work phone, its mine', "it's my own phone, not a company one"])('"%s" states the caveat\'s case', (question) => {
    expect(statesNegatedCase(certificate, question)).toBe(true);
  });
  it('"still not working" does not', () => {
    expect(statesNegatedCase(certificate, 'still not working')).toBe(false);
  });
});

describe('the lines of an answer that name a client it is not written for', () => {
  const saved = {
    steps: ['Sign out.', 'Choose Delete my sign-in info.', 'Helpdesk: remove the registry key. On Lync for Mac 2011: the Caches folder and the Keychain certificates.'],
    caveats: ['Not offered on the iPhone app.', 'Works on a shared PC too.'],
  };
  it.each([
    ['mac', '3. Helpdesk: remove the registry key. On Lync for Mac 2011: the Caches folder and the Keychain certificates.'],
    ['ios', '- Not offered on the iPhone app.'],
    ['android', undefined],
  ])('%s → %s', (client, lines) => {
    expect(linesForClient(saved, client)).toBe(lines);
  });
});

describe('a line as close to a follow-up as the answer itself', () => {
  const signIn = {
    title: 'Signing in with a smart card',
    answer: 'Start Lync, click Sign In, then type your smart card PIN.',
    steps: ['Start Lync and click Sign In.', 'Type your smart card PIN and click OK (default 12345678 if you were never given one).'],
    caveats: [],
  };
  it('adds what the answer leaves out: "what pin? nobody told me" → the line with the default PIN', () => {
    expect(passageFor(signIn, 'what pin? nobody told me')).toBe(signIn.steps[1]);
  });
  it('but not a line that only repeats the answer', () => {
    expect(passageFor({ ...signIn, steps: [signIn.answer] }, 'what pin? nobody told me')).toBeUndefined();
  });
  it('nor a line level with the answer that adds nothing asked: the answer itself says how many run at once', () => {
    const cls = {
      title: 'Starting CLS logging (Start-CsClsLogging runs 4 hours by default)',
      answer: 'Run Start-CsClsLogging -Scenario Authentication; only one scenario besides AlwaysOn can run on a computer at a time.',
      steps: ['Pick the scenario: Authentication for sign-in problems.', 'Have the user reproduce the problem.'],
      caveats: [],
    };
    expect(passageFor(cls, 'how many scenarios can run at once')).toBeUndefined();
  });
  it('never the note that says where the article comes from', () => {
    const pool = {
      title: 'Registrar pool is failed over',
      answer: 'Read PoolState with Get-CsRegistrarConfiguration.',
      steps: ['Read PoolState.'],
      caveats: ['From the Lync Server product reference, not from the source documents: confirm the details in the cmdlet help of your servers.'],
    };
    expect(passageFor(pool, 'what cmdlet tests it')).toBeUndefined();
  });
});

describe('a follow-up asking for a kind of fact: the line that states one', () => {
  const cls = {
    title: 'Where the logging service writes on each server',
    answer: 'Each server writes to its Tracing folder under the service account.',
    steps: ['To read what was captured, search the etl files rather than opening them one by one.', 'Read the limits: EtlFileRolloverSizeMB (20 MB) and EtlFileRolloverMinutes (60).'],
    caveats: [],
  };
  it('"and how big do the etl files get?" → the line with a size, not the one that only says "etl files"', () => {
    expect(passageFor(cls, 'and how big do the etl files get?')).toBe(cls.steps[1]);
  });
});
