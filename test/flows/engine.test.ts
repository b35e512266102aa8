import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asideReminder, FlowCatalog, FlowState, loadFlowCatalog, parseFlow, startFlow, type FlowTurn } from '../../src/flows';
import { advance } from '../../src/interpretation/advance';
import { foldPhrase, flowWordOf, type FlowWord } from '../../src/flows/words';

const catalog = loadFlowCatalog(resolve(__dirname, '..', '..', 'dialogs'));
const user = { role: 'user' as const };
const admin = { role: 'admin' as const };

/** Feeds the inputs one by one to the pure engine and returns every turn. */
function run(flowId: string, inputs: string[], context: { role: 'user' | 'admin' } = user): FlowTurn[] {
  const turns = [startFlow(catalog, flowId, context)];
  for (const input of inputs) turns.push(advance(catalog, turns[turns.length - 1]!.state, input, context));
  return turns;
}

describe('which messages start a flow (trigger phrases from dialogs/)', () => {
  it.each([
    ['I need to enroll my smart card', 'smart-card-enrollment'],
    ['need to enrol my smartcard', 'smart-card-enrollment'],
    ['how do I set up my smart card for lync', 'smart-card-enrollment'],
    ['how do I send you my logs', 'collect-logs'],
    ['can you walk me through collecting logs?', 'collect-logs'],
    ["lync won't sign in, walk me through it", 'sign-in-troubleshooter'],
    ['please troubleshoot my sign-in', 'sign-in-troubleshooter'],
    ['start collect-logs', 'collect-logs'],
    ['start smart card', 'smart-card-enrollment'],
    ['Start Sign-in troubleshooter', 'sign-in-troubleshooter'],
    ['ok lets do the troubleshooter thing', 'sign-in-troubleshooter'],
    ['can we run the troubleshooter', 'sign-in-troubleshooter'],
    ['ok start the troubleshooter thing', 'sign-in-troubleshooter'],
    ['the troubleshooter thing please', 'sign-in-troubleshooter'],
    ['need to grab logs off my macbook for the lync guys', 'collect-logs'],
    ['they gave me a smart card and said to set it up', 'smart-card-enrollment'],
    ['can you help me get logs for lync', 'collect-logs'],
    ['need help with lync logs', 'collect-logs'],
    ['they gave me a card thing for lync, how do i get it working', 'smart-card-enrollment'],
    ['how do i get my card to work with lync', 'smart-card-enrollment'],
  ])('%s → %s', (text, flowId) => {
    expect(catalog.requested(text)?.id).toBe(flowId);
  });

  it.each([
    'where does the win8 lync app keep its logs',
    'how do I turn on diagnostic logs in the store app',
    "lync won't sign in",
    'what is the default smart card pin',
    'store app says the clock is wrong',
    'start the car',
    'need server side logs for a sign in issue, how?',
    "need the store app trace logs off a user's tablet for a ticket. which folder do they end up in?",
  ])('an ordinary question stays a question: %s', (text) => {
    expect(catalog.requested(text)).toBeUndefined();
  });
});

describe('flow words', () => {
  it.each([
    ['Next', 'next'],
    ['done!', 'next'],
    ['Go back', 'back'],
    ['start over', 'restart'],
    ['Cancel', 'cancel'],
    ['talk to a person', 'person'],
    ['agent', 'person'],
    ["I'm stuck", 'stuck'],
    ["it didn't work", 'stuck'],
  ])('%s → %s', (text, word) => {
    expect(flowWordOf(text)).toBe(word);
  });

  it('only whole messages are flow words', () => {
    expect(flowWordOf('next time the app crashes, what do I do')).toBeUndefined();
    expect(foldPhrase("Sign-In won't work on my SmartCard")).toBe('sign in wont work on my smart card');
  });
});

describe('the engine', () => {
  it('picks choices by number, label or alias, and records answers and facts', () => {
    const [, byNumber] = run('sign-in-troubleshooter', ['2']);
    expect(byNumber!.state.facts).toEqual({ client: 'store-app' });
    const [, byAlias] = run('sign-in-troubleshooter', ['Surface']);
    expect(byAlias!.state.stepId).toBe('store-clock');
    const [, byLabel] = run('sign-in-troubleshooter', ['lync web app (browser)']);
    expect(byLabel!.state.answers).toEqual([{ flowId: 'sign-in-troubleshooter', stepId: 'client', question: 'Which Lync are you trying to sign in with?', answer: 'Lync Web App (browser)' }]);
  });

  it('treats anything else as an aside and keeps the state untouched', () => {
    const [start, aside] = run('sign-in-troubleshooter', ['what is the default smart card pin']);
    expect(aside!.event).toBe('aside');
    expect(aside!.state).toEqual(start!.state);
  });

  it('the reminder after an aside says how to go on: answer a question, "done" past an instruction', () => {
    const question = asideReminder(catalog, run('sign-in-troubleshooter', [])[0]!.state);
    expect(question.text).toMatch(/still in "Sign-in troubleshooter" at "Which Lync client\?"/);
    expect(question.text).toMatch(/answer the question by its number or name/);
    expect(question.text).toMatch(/\*\*repeat\*\* to see the question again/);
    expect(question.text).not.toMatch(/next/);
    expect(question.suggestions).not.toContain('next');

    const instruction = asideReminder(catalog, run('smart-card-enrollment', ['physical'])[1]!.state);
    // The word the step itself asks for ("Type done when finished").
    expect(instruction.text).toMatch(/type \*\*done\*\* when you have finished it, \*\*repeat\*\* to see the step again/);
    expect(instruction.suggestions).toEqual(['done', 'repeat', 'cancel']);
  });

  it('a number that picks no choice stays on the question and says which numbers work', () => {
    const twoChoices = run('sign-in-troubleshooter', ['desktop', '8']).at(-1)!;
    expect(twoChoices.event).toBe('stayed');
    expect(twoChoices.state.stepId).toBe('where');
    expect(twoChoices.state.answers).toHaveLength(1);
    expect(twoChoices.replies[0]!.text).toMatch(/^Pick a number from 1 to 2 \(or the name\)\.\n\n\*\*Sign-in troubleshooter — Inside or outside the network\?/);
    expect(run('sign-in-troubleshooter', ['desktop', 'option 0']).at(-1)!.replies[0]!.text).toMatch(/Pick a number from 1 to 2/);
    // Staff-only choices are not counted for a user: six of the eight clients are theirs.
    expect(run('collect-logs', ['7']).at(-1)!.replies[0]!.text).toMatch(/Pick a number from 1 to 6 \(or the name\)/);
    expect(run('collect-logs', ['7'], admin).at(-1)!.state.stepId).toBe('cls-alwayson');
  });

  it('"stuck" at a question asks it again with the way out, never "type done"', () => {
    const stuck = run('sign-in-troubleshooter', ['desktop', 'inside', 'password', 'stuck']).at(-1)!;
    expect(stuck.event).toBe('stayed');
    expect(stuck.state.stepId).toBe('desktop-symptom');
    expect(stuck.replies[0]!.text).toMatch(/pick the closest one/);
    expect(stuck.replies[0]!.text).toMatch(/What happens when you try to sign in\?/);
    expect(stuck.replies[0]!.text).not.toMatch(/Type \*\*done\*\*/);
    // A question with its own help to choose shows that help.
    const where = run('sign-in-troubleshooter', ['desktop', 'stuck']).at(-1)!;
    expect(where.replies[0]!.text).toMatch(/^In the office, on the company's own network, pick \*\*Inside\*\*/);
    expect(where.replies[0]!.text).toMatch(/Where are you signing in from right now\?/);
    // "what do you mean" at such a question is the same help: "passive" is the company sign-in page.
    const method = run('sign-in-troubleshooter', ['desktop', 'inside', 'what do you mean by passive']).at(-1)!;
    expect(method.state.stepId).toBe('method');
    expect(method.replies[0]!.text).toMatch(/^\*\*My password\*\*: [\s\S]*also called passive authentication/);
    expect(method.replies[0]!.text).toMatch(/What does your sign-in normally ask you for\?/);
    // Asking how to choose between the choices is the same help, not a search for "inside" and "outside".
    for (const asked of ['whats the difference between inside and outside', 'which one should i pick', 'how do i know which one applies']) {
      const how = run('sign-in-troubleshooter', ['desktop', asked]).at(-1)!;
      expect(how.state.stepId, asked).toBe('where');
      expect(how.replies[0]!.text, asked).toMatch(/^In the office, on the company's own network, pick \*\*Inside\*\*/);
    }
    // The difference between two things that are no choices here is a side question.
    const aside = run('sign-in-troubleshooter', ['desktop', 'whats the difference between close and sign out']).at(-1)!;
    expect(aside.event).toBe('aside');
  });

  it('help inside a flow lists every flow word, and each one it lists works', () => {
    const help = run('sign-in-troubleshooter', ['desktop', 'help']).at(-1)!;
    expect(help.event).toBe('stayed');
    const listed = [...help.replies[0]!.text.matchAll(/\*\*([^*]+)\*\*/g)].flatMap((match) => match[1]!.split(/ \(or |\)/)).filter((usage) => flowWordOf(usage));
    const every: FlowWord[] = ['next', 'back', 'restart', 'cancel', 'help', 'person', 'stuck', 'repeat', 'more', 'why', 'left'];
    expect(new Set(listed.map((usage) => flowWordOf(usage)))).toEqual(new Set(every));
    for (const usage of listed) expect(advance(catalog, help.state, usage, user).event, usage).not.toBe('aside');
  });

  it('records when a flow ended (cancelled, handed off, or an end step), for hand-offs later', () => {
    const at = new Date('2030-05-06T07:08:09Z');
    const clock = { role: 'user' as const, now: () => at };
    const start = startFlow(catalog, 'sign-in-troubleshooter', clock);
    expect(start.state.endedAt).toBeUndefined();
    expect(advance(catalog, start.state, 'cancel', clock).state.endedAt).toBe(at.toISOString());
    expect(advance(catalog, start.state, 'agent', clock).state.endedAt).toBe(at.toISOString());
    const reached = advance(catalog, advance(catalog, start.state, 'web app', clock).state, '1', clock);
    expect(reached).toMatchObject({ active: false, state: { outcome: 'cause', endedAt: at.toISOString() } });
    // States stored before endedAt existed still read back.
    const { endedAt: _dropped, ...legacy } = reached.state;
    expect(FlowState.safeParse(legacy).success).toBe(true);
  });

  it('"stuck" said at a step as the flow starts there: what stuck does at it, without the step again', () => {
    // The step was the answer to a question a moment ago; the user has just read it.
    const turn = startFlow(catalog, 'collect-logs', user, undefined, { at: 'mobile-logs', then: 'stuck' });
    expect(turn).toMatchObject({ event: 'started', active: true, state: { stepId: 'client-logs' } });
    expect(turn.replies.map((reply) => reply.text).join('\n')).not.toMatch(/Send diagnostic logs/);
    expect(turn.state.progress).toContainEqual(expect.objectContaining({ stepId: 'mobile-logs', status: 'stuck' }));
  });

  it('"done" said at a step as the flow starts there: the step after it, the step itself not shown again', () => {
    const turn = startFlow(catalog, 'collect-logs', user, undefined, { at: 'desktop-logging-on', then: 'next' });
    expect(turn.state.stepId).toBe('desktop-reproduce');
    const said = turn.replies.map((reply) => reply.text).join('\n');
    expect(said).toMatch(/Restart Lync and reproduce the problem/);
    expect(said).not.toMatch(/Logging in Lync/);
  });

  it('"next" on a question asks for a choice instead of skipping it', () => {
    const [, turn] = run('sign-in-troubleshooter', ['next']);
    expect(turn!.event).toBe('stayed');
    expect(turn!.replies[0]!.text).toMatch(/pick one of the choices/);
  });

  it('back forgets the answer given at the step it returns to', () => {
    const turns = run('sign-in-troubleshooter', ['desktop', 'inside', 'back']);
    const last = turns[turns.length - 1]!;
    expect(last.state.stepId).toBe('where');
    expect(last.state.answers.map((a) => a.stepId)).toEqual(['client']);
    const first = run('sign-in-troubleshooter', ['back'])[1]!;
    expect(first.replies[0]!.text).toMatch(/first step/);
  });

  it('switching flows (not enrolled → enrollment) keeps the answers, and back returns into the first flow', () => {
    const turns = run('sign-in-troubleshooter', ['desktop', 'inside', 'smart card', 'No, not yet']);
    const switched = turns[turns.length - 1]!.state;
    expect(switched.flowId).toBe('smart-card-enrollment');
    expect(switched.answers).toHaveLength(4);
    const back = advance(catalog, switched, 'back', user);
    expect(back.state).toMatchObject({ flowId: 'sign-in-troubleshooter', stepId: 'card-enrolled' });
  });

  it('stuck shows the step\'s own help and stays; the step is recorded as stuck', () => {
    const turns = run('smart-card-enrollment', ['physical', 'stuck']);
    const stuck = turns[turns.length - 1]!;
    expect(stuck.event).toBe('stayed');
    expect(stuck.replies[0]!.text).toMatch(/ends in \/certsrv/);
    expect(stuck.state.progress.at(-1)).toMatchObject({ stepId: 'open-certsrv', status: 'stuck' });
  });

  it('pages the seven clients over two cards, six buttons at most, and numbers keep working', () => {
    const [start] = run('sign-in-troubleshooter', []);
    const actions = (start!.replies[0]!.card as { actions: Array<{ title: string }> }).actions;
    expect(actions).toHaveLength(6);
    expect(actions.at(-1)!.title).toBe('More choices');
    const more = advance(catalog, start!.state, 'more', user);
    expect((more.replies[0]!.card as { actions: Array<{ title: string }> }).actions.map((a) => a.title)).toEqual(['Mac', 'Lync Web App (browser)', 'First choices']);
  });

  it('staff-only choices exist only for staff', () => {
    const asUser = run('collect-logs', ['cls'])[1]!;
    // Not a choice for a user: the question is asked again ("I didn't catch that"), the place kept.
    expect(asUser.event).toBe('stayed');
    expect(asUser.state.stepId).toBe('which-client');
    expect(asUser.replies[0]!.text).toMatch(/^I didn't catch that/);
    const asAdmin = run('collect-logs', ['cls'], admin)[1]!;
    expect(asAdmin.state.stepId).toBe('cls-alwayson');
  });

  it('"keeps asking for my password" at the sign-in method question answers the question after it too', () => {
    const turns = run('sign-in-troubleshooter', ['Lync 2013 on a Windows PC', 'Inside the company network', 'it keeps asking for my password']);
    const last = turns.at(-1)!;
    expect(last.state.answers.map((answer) => answer.answer)).toEqual(['Lync 2013 on a Windows PC', 'Inside the company network', 'My password', 'It keeps asking for my password']);
    expect(last.state.stepId).toBe('clear-saved');
    expect(last.replies[0]!.text).toMatch(/^From what you said, I took \*\*It keeps asking for my password\*\* as your answer to "what happens"\./);
  });

  it.each(['why', 'why do you need to know that', 'what for', 'does it matter', 'how come you need that', 'what do you need that for'])('"%s" at a question says what the answer decides, then asks it again', (word) => {
    const asked = run('sign-in-troubleshooter', ['desktop', word]).at(-1);
    const where = catalog.byId('sign-in-troubleshooter')!.steps[asked!.state.stepId]!;
    expect(asked!.event).toBe('stayed');
    expect(asked!.replies[0]!.text.startsWith(where.why!)).toBe(true);
    expect(asked!.replies[0]!.text).toContain(where.ask!);
  });

  it('"password" noted at the Store app\'s clock question is the answer to how the app signs you in, never asked', () => {
    const turns = run('sign-in-troubleshooter', ['Windows Store app', 'password', 'yes', 'wifi']);
    expect(turns.at(-1)!.state.stepId).toBe('store-server');
    expect(turns.at(-1)!.replies[0]!.text).toMatch(/^From what you said, I took \*\*My password\*\* as your sign-in method/);
  });

  it('a question shown again after "Noted for later" leaves out its introduction, read a moment ago', () => {
    const [first, noted] = run('sign-in-troubleshooter', ['from home']);
    const client = catalog.byId('sign-in-troubleshooter')!.steps[first!.state.stepId]!;
    expect(client.say && client.choices).toBeTruthy();
    expect(first!.replies[0]!.text).toContain(client.say!);
    expect(noted!.state.stepId).toBe(first!.state.stepId);
    expect(noted!.replies[0]!.text).toMatch(/^Noted for later/);
    expect(noted!.replies[0]!.text).toContain(client.ask!);
    expect(noted!.replies[0]!.text).not.toContain(client.say!);
  });

  it('"the browser one" where the logs question lists no browser says the steps do not cover it, never "noted for later"', () => {
    const [first, said] = run('collect-logs', ['the browser one']);
    expect(said!.state.stepId).toBe(first!.state.stepId);
    expect(said!.replies[0]!.text).toMatch(/^These steps don't cover \*\*Lync Web App \(browser\)\*\*[\s\S]*talk to a person/);
    expect(said!.replies[0]!.text).not.toMatch(/Noted for later/);
    expect(said!.state.slots?.client).toBeUndefined();
  });

  it('"my password" at the network question is kept: the sign-in method question is answered with it, not asked', () => {
    const turns = run('sign-in-troubleshooter', ['Lync 2013 on a Windows PC', 'my password', 'Inside the company network']);
    const noted = turns.at(-2)!;
    expect(noted.state.stepId).toBe('where');
    expect(noted.replies[0]!.text).toMatch(/^Noted for later \(sign-in method: \*\*your password\*\*\); I won't ask again\./);
    const last = turns.at(-1)!;
    expect(last.state.answers.map((answer) => answer.answer)).toEqual(['Lync 2013 on a Windows PC', 'Inside the company network', 'My password']);
    expect(last.replies[0]!.text).toMatch(/From what you said, I took \*\*My password\*\* as your sign-in method/);
  });

  it('"did that, still broken" at a step: done, and the "does it sign in now?" after it is answered no, not asked', () => {
    const turns = run('sign-in-troubleshooter', ['Lync 2013 on a Windows PC', 'Inside the company network', 'My password', 'It keeps asking for my password', 'did that, still broken']);
    const before = turns.at(-2)!;
    expect(before.state.stepId).toBe('clear-saved');
    const last = turns.at(-1)!;
    expect(last.state.answers.at(-1)).toMatchObject({ stepId: 'works-now', answer: 'No, still failing' });
    expect(last.replies[0]!.text).toMatch(/^From what you said, I took \*\*No, still failing\*\* as your answer to "Does Lync sign in now\?"/);
    // "done" alone goes to the question as before.
    expect(run('sign-in-troubleshooter', ['Lync 2013 on a Windows PC', 'Inside the company network', 'My password', 'It keeps asking for my password', 'done']).at(-1)!.state.stepId).toBe('works-now');
  });

  it('a second miss in a row names the ways on, and what the user wrote is kept for the helpdesk', () => {
    // (Not "it says my password is wrong": that is the phones' symptom, noted for later.)
    const turns = run('sign-in-troubleshooter', ['it shows a weird grey box', 'the box has some numbers in it', 'Windows Store app', 'blah blah']);
    expect(turns[1]!.replies[0]!.text).toMatch(/^I didn't catch that/);
    const second = turns[2]!;
    expect(second.state.stepId).toBe(turns[0]!.state.stepId);
    expect(second.replies[0]!.text).toMatch(/^I still can't match that to one of the choices\. I've noted what you wrote for the helpdesk\./);
    expect(second.replies[0]!.text).toMatch(/\*\*talk to a person\*\*/);
    // Nothing to go back to at the first question.
    expect(second.replies[0]!.text).not.toMatch(/\*\*back\*\*/);
    expect(second.state.notes?.map((note) => note.text)).toEqual(['it shows a weird grey box', 'the box has some numbers in it']);
    // A new step starts counting again.
    expect(turns[4]!.replies[0]!.text).toMatch(/^I didn't catch that/);
    expect(turns[4]!.state.notes).toHaveLength(3);
    expect(FlowState.parse(turns[4]!.state)).toBeTruthy();
  });

  it('cancel and talk to a person end the flow with their outcome', () => {
    expect(run('collect-logs', ['cancel'])[1]).toMatchObject({ event: 'cancelled', active: false, state: { outcome: 'cancelled' } });
    expect(run('collect-logs', ['talk to a person'])[1]).toMatchObject({ event: 'handoff', active: false, state: { outcome: 'handoff' } });
  });

  it('ends cleanly when a stored state points at a step that no longer exists', () => {
    const [start] = run('collect-logs', []);
    const stale = FlowState.parse({ ...start!.state, stepId: 'removed-step' });
    expect(advance(catalog, stale, 'next', user)).toMatchObject({ event: 'cancelled', active: false });
  });

  it.each([
    ['configuring the phone', true],
    ['configure phones please', true],
    ['enrolling my smart cards', true],
    ['enrollments of smart card', true],
    ['can i configur my phone', false],
    ['smart card enroll', true],
    ['my phone config', false],
  ])('a trigger takes its words\' endings, a first word ending in "e" too: %s', (text, started) => {
    const flows = new FlowCatalog([
      parseFlow(
        'dialogs/endings.yaml',
        `id: endings\ntitle: Endings\nsummary: s\ntriggers: [configure + phone, enroll + smart card]\nstart: a\nsteps:\n  a:\n    title: A\n    end: done\n`,
      ),
    ]);
    expect(flows.requested(text)?.id).toBe(started ? 'endings' : undefined);
  });

  it('never loops forever on branch steps that point at each other', () => {
    const looping = new FlowCatalog([
      parseFlow(
        'dialogs/loop.yaml',
        `id: loop\ntitle: Loop\nsummary: s\ntriggers: [loop me]\nstart: a\nsteps:\n  a:\n    title: A\n    branch: { on: x, cases: {}, otherwise: b }\n  b:\n    title: B\n    branch: { on: x, cases: {}, otherwise: a }\n`,
      ),
    ]);
    expect(() => startFlow(looping, 'loop', user)).toThrow(/branch steps in a row/);
  });
});

describe('a long stay in a flow keeps its state small (read and written every turn)', () => {
  it('saying "stuck" at the same step again and again records it once', () => {
    const turns = run('collect-logs', Array.from({ length: 300 }, () => "i'm stuck"));
    const last = turns[turns.length - 1]!.state;
    expect(last.progress.filter((entry) => entry.status === 'stuck').length).toBeLessThanOrEqual(3);
  });

  it.each(['sign-in-troubleshooter', 'smart-card-enrollment', 'collect-logs'])('%s: 3,000 mixed answers, restarts included, stay within the bounds', (flowId) => {
    // A fixed pseudo-random walk: the same inputs on every run.
    const inputs = ['1', '2', '3', 'next', "i'm stuck", 'yes', 'no', 'still broken'];
    let seed = 7;
    const pick = () => inputs[(seed = (seed * 48271) % 2147483647) % inputs.length]!;
    let state = startFlow(catalog, flowId, user).state;
    let longest = 0;
    for (let turn = 0; turn < 3000; turn++) {
      const next = advance(catalog, state, pick(), user);
      state = next.active ? next.state : startFlow(catalog, flowId, user, next.state).state;
      longest = Math.max(longest, state.progress.length, state.answers.length);
    }
    expect(longest).toBeLessThanOrEqual(200);
    expect(FlowState.safeParse(state).success).toBe(true);
  });
});

describe('a step suggests bot commands only as its reader may run them', () => {
  // The first step of any flow that suggests a check, reached through the engine as each role.
  const flow = catalog.flows.find((candidate) => Object.values(candidate.steps).some((step) => (step.staff?.check.length ?? 0) > 0))!;
  const [stepId, step] = Object.entries(flow.steps).find(([, candidate]) => (candidate.staff?.check.length ?? 0) > 0)!;
  const command = step.staff!.check[0]!;
  const shown = (role: 'agent' | 'admin') => {
    const turn = startFlow(catalog, flow.id, { role, commandRole: (text) => (text.startsWith(command.split(' ')[0]!) ? 'admin' : undefined) }, undefined, { at: stepId });
    return turn.replies.map((reply) => reply.text).join('\n');
  };

  it('an admin is told to type it; an agent, who may not run it, to ask an admin', () => {
    expect(shown('admin')).toContain(`Type: \`${command}\``);
    expect(shown('agent')).toContain(`Ask a Lync admin to type: \`${command}\``);
  });
});

describe('"skip this"', () => {
  it('moves on from an instruction step and, at a question, says it must be answered', () => {
    expect(run('smart-card-enrollment', ['Physical card', 'skip this']).at(-1)!.state.stepId).not.toBe(run('smart-card-enrollment', ['Physical card']).at(-1)!.state.stepId);
    expect(run('sign-in-troubleshooter', ['skip this']).at(-1)!.replies[0]!.text).toMatch(/^This step is a question: pick one of the choices/);
  });
});

describe('a number or "the first one" right after "Did you mean …?"', () => {
  const asked = ['iPhone or iPad', 'Outside (home, travel, mobile data)', 'Company sign-in web page (AD FS)', 'page never shows, it just spins'];
  it('picks among the choices that question named, not the whole list', () => {
    const narrowed = run('sign-in-troubleshooter', asked).at(-1)!;
    expect(narrowed.replies[0]!.text).toMatch(/^Did you mean \*\*The sign-in page never comes \/ it stalls\*\* or \*\*Something else\*\*\?/);
    expect(run('sign-in-troubleshooter', [...asked, '2']).at(-1)!.state.answers.at(-1)!.answer).toBe('Something else');
    expect(run('sign-in-troubleshooter', [...asked, 'the first one']).at(-1)!.state.answers.at(-1)!.answer).toBe('The sign-in page never comes / it stalls');
  });
  it('holds for the one message after it: a number later is the whole list\'s again', () => {
    const later = run('sign-in-troubleshooter', [...asked, 'repeat', '1']).at(-1)!;
    expect(later.state.answers.at(-1)!.answer).toBe(catalog.byId('sign-in-troubleshooter')!.steps['mobile-adfs-symptom']!.choices![0]!.label);
  });
});

describe('the smart-card enrollment started by an agent', () => {
  it("says the steps are the card owner's, with their own account; an end user is not told so", () => {
    const said = (role: 'agent' | 'user') => startFlow(catalog, 'smart-card-enrollment', { role }).replies.map((reply) => reply.text).join('\n');
    expect(said('agent')).toMatch(/these steps are the card owner's[\s\S]*own domain account/);
    expect(said('user')).not.toMatch(/card owner's/);
  });
});

describe('the smart-card enrollment by card kind', () => {
  it.each([
    ['Virtual smart card (TPM)', 'csp-virtual', /no printed label to go by/],
    ['Physical card', 'csp', /label on your smart card/],
  ])('%s reaches the CSP step meant for it', (kind, stepId, says) => {
    let turn = startFlow(catalog, 'smart-card-enrollment', user);
    turn = advance(catalog, turn.state, kind, user);
    for (let i = 0; i < 15 && !turn.state.stepId.startsWith('csp'); i++) turn = advance(catalog, turn.state, 'done', user);
    expect(turn.state.stepId).toBe(stepId);
    expect(turn.replies[0]!.text).toMatch(says);
  });
});
