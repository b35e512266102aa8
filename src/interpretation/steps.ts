import type { FlowCatalog } from '../flows/catalog';
import type { FlowDefinition } from '../flows/schema';
import { slotsOf } from '../language/slots';
import { FILLER, foldPhrase, tokens } from '../language/text';

/**
 * Answer or guide: a question about one step of a procedure ("which template do I pick when I enroll
 * my smart card?") is answered with that step, not with step 1. The steps of each flow are indexed by
 * their words; a step is named only when the question's distinctive words point at it and no other.
 */

const GENERIC = new Set(
  'what which where when how why who do does did should can could would will is are was page step steps click select choose pick type enter list box ask asks asked first next then after before go get need want my your lync sign in on later now again supposed ever even still whole thing way right exactly actually really just wait please same keep keeps kept safe doesnt dont didnt isnt wasnt wont cant cannot arent havent hasnt shouldnt wouldnt couldnt laptop laptops notebook'.split(' '),
);

/** Trigger words that say how, not what: they name no flow's subject. */
// (Compared with stemmed words: each is kept as written and as stemmed, "switching" and "switch".)
const EVERYDAY = new Set(
  'walk me through step by guide set up start run send you help troubleshoot troubleshooter diagnose how to new got use using do with it want wants need needs lets try go end up gave give get work works working thing sent received arrived given been issued moving switching off copy export open launch begin please pls'
    .split(' ')
    .flatMap((word) => [word, stemmed(word)]),
);

/** Steps a question's word appears in; a word in more than this many says little. */
const DISTINCT_IN = 2;

interface IndexedStep {
  stepId: string;
  words: Set<string>;
  /** The procedure's last step ("attach the zip to the ticket"): named only to someone already in the flow. */
  ending: boolean;
}

/**
 * Where a conversation stands in a flow. Outside a flow any step may be named (a question about a
 * server step is answered with it, whoever asks); in a flow only steps on the conversation's own path:
 * behind it, or ahead of it by answers the caller may give (a user in the Store app branch is never
 * shown a server step).
 */
export interface StepPath {
  stepId: string;
  visited: readonly string[];
  staff: boolean;
  /** Only the steps already shown: "what was the address again" asks about one the user has seen. */
  seenOnly?: boolean;
  /** A path assumed for a question asked outside the flow (from its start for the client named). */
  assumed?: boolean;
  /** What the question states that the flow's branches route by ("card: virtual"): only those cases. */
  facts?: Readonly<Record<string, string>>;
}

function stemmed(word: string): string {
  return word.length > 4 ? word.replace(/(?:ing|ed|es|s)$/, '') : word;
}

/** "ie10", "win8": a name and its version run together are also the two words ("IE 10"). */
const RUN_TOGETHER = /^([a-z]{2,3})(\d{1,2})$/;

/** Words people use for what a step calls otherwise: "which website do i go to" is the step with the web address. */
const SAME_AS = new Map<string, string>([['log', 'logs'], ['website', 'web'], ['websites', 'web'], ['webpage', 'web'], ['webpages', 'web'], ['webside', 'web'], ['url', 'web'], ['urls', 'web'], ['link', 'web'], ['links', 'web']]);

/**
 * What an article's words also say about a procedure's subject: an article on capturing a trace is
 * about logs though it never says "log". (Only for articles: a question's "trace" alone asks for no
 * log collection.) Keys are words as wordsOf gives them: "tracing" and "traces" come out as "trac".
 */
const ARTICLE_SAME_AS = new Map<string, string>([['trace', 'logs'], ['trac', 'logs'], ['diagnostic', 'logs'], ['etl', 'logs']]);

function wordsOf(text: string): string[] {
  // "log on to the computer", "when i log into lync", "logging in" are signing in; "the lync log files"
  // and "turn on logging in lync for mac" are logs.
  const folded = foldPhrase(text)
    .replace(/\b((?:turn(?:ed|ing)? on|switch(?:ed|ing)? on|enabl(?:e|ed|ing)|start(?:ed|ing)?|collect(?:ed|ing)?|gather(?:ed|ing)?) (?:the )?)logging\b/g, '$1logs')
    .replace(/\blog(?:ging|ged)? ?(?:in|on|into|onto)\b/g, 'sign in')
    // "Smartcard user" is a template's name: its words are the flow's topic and an everyday word, so the name counts as one more.
    .replace(/\bsmart ?card ?user\b/g, '$& smartcarduser');
  return tokens(folded)
    .flatMap((word) => {
      const parts = RUN_TOGETHER.exec(word);
      return parts ? [word, parts[1]!, parts[2]!] : [SAME_AS.get(word) ?? word];
    })
    .filter((word) => !FILLER.has(word) && !GENERIC.has(word) && word.length > 1)
    .map(stemmed);
}

/** A step's words as written, everyday ones too ("page", "open"): what a report of it done repeats. */
function plainWords(text: string): string[] {
  return tokens(foldPhrase(text)).filter((word) => !FILLER.has(word) && word.length > 1).map(stemmed);
}

/** How a report says it is done, not what: "got the page up already". */
const DONE_WORDS = new Set('ok okay done got have ive up already now finally yes yep yeah there did that so right its it is'.split(' ').map(stemmed));

export class StepIndex {
  private readonly byFlow = new Map<string, ReturnType<typeof indexFlow>>();
  private readonly flows = new Map<string, FlowDefinition>();

  constructor(catalog: FlowCatalog) {
    for (const flow of catalog.flows) {
      this.byFlow.set(flow.id, indexFlow(flow));
      this.flows.set(flow.id, flow);
    }
  }

  /**
   * The one step of `flowId` the question is about, or undefined. Words of the flow's own topic
   * ("smart card", "enroll") do not count: every step shares them.
   */
  stepFor(flowId: string, question: string, path?: StepPath, minScore = 1, minShare = 0): string | undefined {
    const all = this.byFlow.get(flowId);
    const flow = this.flows.get(flowId);
    if (!all || !flow) return undefined;
    const step = stepIn(all.withoutEndings, flow, question, path, minScore, minShare);
    // What to do with the result ("what do i do with the zip") is asked by someone who has it, in the
    // flow; and only when no step before it is the one (its words, "the Tracing folder", are theirs too).
    return step ?? (path && !path.assumed ? stepIn(all, flow, question, path, minScore, minShare) : undefined);
  }


  /**
   * The one step a question is about when it names one flow's topic ("enrolling my smart card: …");
   * a question that names no flow's topic is left to the knowledge base.
   */
  stepForAny(question: string, client?: string, minShare = 0): { flowId: string; stepId: string } | undefined {
    const asked = new Set(wordsOf(question));
    const topical = [...this.byFlow.entries()].filter(([, indexed]) => [...indexed.topic].some((word) => asked.has(word)));
    if (topical.length !== 1) return undefined;
    const [flowId] = topical[0]!;
    // "…from the lync desktop client": only the steps for that client ("desktop" also appears in the
    // Fiddler step for phones, which is run on a desktop).
    // ("the virtual one on my surface": only the steps for that kind of card, not the plastic card's reader.)
    const start = this.clientStart(flowId, client) ?? this.caseStart(flowId, question);
    const facts = Object.fromEntries(Object.values(slotsOf(question)).flatMap((slot) => (slot ? [[slot.concept.slot, slot.value]] : [])));
    const stepId = this.stepFor(flowId, question, start ? { stepId: start, visited: [], staff: true, assumed: true, facts } : undefined, 1, minShare);
    return stepId ? { flowId, stepId } : undefined;
  }

  /**
   * Whether a short report names nothing but what one step says to do: "page is open" for "open the
   * enrollment page". Two words of it at least, every one in the step's title or text.
   */
  describes(flowId: string, stepId: string, report: string): boolean {
    const step = this.flows.get(flowId)?.steps[stepId];
    if (!step) return false;
    const own = new Set(plainWords(`${step.title} ${step.say ?? ''} ${(step.do ?? []).join(' ')}`));
    const said = plainWords(report).filter((word) => !DONE_WORDS.has(word));
    return said.length >= 2 && said.every((word) => own.has(word));
  }

  /**
   * The nearest step ahead on this path whose own text holds every word of what the screen shows now
   * ("certificate issued" is the step that says the certificate has been issued). Nearest first, so a
   * word many steps share goes to the one the user meets next.
   */
  describedAhead(flowId: string, path: StepPath, shown: string): { stepId: string; distance: number } | undefined {
    const flow = this.flows.get(flowId);
    const said = plainWords(shown).filter((word) => !DONE_WORDS.has(word));
    if (!flow || said.length === 0) return undefined;
    const queue = [{ stepId: path.stepId, distance: 0 }];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const { stepId, distance } = queue.shift()!;
      const step = flow.steps[stepId];
      if (!step || seen.has(stepId)) continue;
      seen.add(stepId);
      if (stepId !== path.stepId && !path.visited.includes(stepId) && !step.branch && step.say !== undefined) {
        const own = new Set(plainWords(`${step.title} ${step.say} ${(step.do ?? []).join(' ')}`));
        if (said.every((word) => own.has(word))) return { stepId, distance };
      }
      const targets = [step.next, ...(step.choices ?? []).filter((choice) => path.staff || !choice.staffOnly).map((choice) => choice.next), ...(step.branch ? branchTargets(step.branch, path.facts ?? {}) : [])];
      // (A branch only routes: the steps after it are no further away.)
      for (const target of targets) if (target && !target.startsWith('flow:')) queue.push({ stepId: target, distance: step.branch ? distance : distance + 1 });
    }
    return undefined;
  }

  /** Whether a text (an article's) says anything of a flow's own subject: any word of its topic. */
  mentionsTopic(flowId: string, text: string): boolean {
    const topic = this.byFlow.get(flowId)?.topic;
    return Boolean(topic) && wordsOf(text).some((word) => topic!.has(ARTICLE_SAME_AS.get(word) ?? word));
  }

  /**
   * `stepFor`, but never a step off one client's path when the flow's first question asks which
   * client: "…the desktop one on windows" is not the Fiddler step for phones (which is run on a desktop).
   */
  stepForClient(flowId: string, question: string, client: string | undefined, minScore = 1, minShare = 0): string | undefined {
    const stepId = this.stepFor(flowId, question, undefined, minScore, minShare);
    const start = this.clientStart(flowId, client);
    const flow = this.flows.get(flowId);
    if (!stepId || !start || !flow) return stepId;
    return reachable(flow, start, true).has(stepId) ? stepId : undefined;
  }

  /**
   * The one procedure step of a flow that lists this article as its own, on the client's path when the
   * flow asks which client; undefined when none or several do.
   */
  stepOfArticle(flowId: string, articleId: string, client: string | undefined): string | undefined {
    const flow = this.flows.get(flowId);
    if (!flow) return undefined;
    const indexed = new Set(this.byFlow.get(flowId)?.withoutEndings.steps.map((step) => step.stepId) ?? []);
    const listing = Object.entries(flow.steps).filter(([stepId, step]) => indexed.has(stepId) && step.articles.includes(articleId)).map(([stepId]) => stepId);
    if (listing.length !== 1) return undefined;
    const start = this.clientStart(flowId, client);
    return !start || reachable(flow, start, true).has(listing[0]!) ? listing[0] : undefined;
  }

  /**
   * The last step of a client's way through a flow, when its way ends in one only ("send the logs" on the
   * PC, "hand the details to the helpdesk" on a phone): where the user is left with what the flow made.
   * (A step's `stuck` way out is not its way.)
   */
  lastStepFor(flowId: string, client: string | undefined): string | undefined {
    const flow = this.flows.get(flowId);
    const start = this.clientStart(flowId, client);
    if (!flow || !start) return undefined;
    const endings = [...reachable(flow, start, true, {}, false)].filter((stepId) => flow.steps[stepId]?.end);
    return endings.length === 1 ? endings[0] : undefined;
  }

  /** Where a flow's branch for a case the question states begins (the choice that sets it), if one does. */
  private caseStart(flowId: string, question: string): string | undefined {
    const flow = this.flows.get(flowId);
    if (!flow) return undefined;
    const stated = Object.values(slotsOf(question)).filter((slot) => slot !== undefined && slot.concept.slot !== 'client');
    for (const step of Object.values(flow.steps)) {
      const choice = step.choices?.find((each) => stated.some((slot) => each.set?.[slot!.concept.slot] === slot!.value));
      if (choice && !choice.next.startsWith('flow:')) return choice.next;
    }
    return undefined;
  }

  /** Where the flow goes once its first question is answered with this client, when it asks that. */
  private clientStart(flowId: string, client: string | undefined): string | undefined {
    const flow = this.flows.get(flowId);
    const forClient = client && flow ? flow.steps[flow.start]?.choices?.find((choice) => choice.set?.client === client) : undefined;
    return forClient && !forClient.next.startsWith('flow:') ? forClient.next : undefined;
  }
}

/** `StepIndex.stepFor` over one set of a flow's indexed steps. */
function stepIn(indexed: IndexedFlow, flow: FlowDefinition, question: string, path: StepPath | undefined, minScore: number, minShare: number): string | undefined {
  // Request verbs ("send you my logs", "walk me through") say how the user asks, not which step.
  const asked = [...new Set(wordsOf(question))].filter((word) => !indexed.topic.has(word) && !EVERYDAY.has(word));
  // With `minShare`, the step must hold that share of the question's own words: "she forgot her changed
  // PIN and the card is locked, how do I reset it" shares only "pin" with the step that types it.
  const holds = (stepId: string) => minShare === 0 || asked.filter((word) => indexed.steps.find((step) => step.stepId === stepId)!.words.has(word)).length >= minShare * asked.length;
  const anywhere = bestStep(indexed.steps, indexed.frequency, asked);
  if (!path) return anywhere && anywhere.score >= minScore && holds(anywhere.stepId) ? anywhere.stepId : undefined;
  const allowed = new Set(path.seenOnly ? [...path.visited, path.stepId] : [...reachable(flow, path.stepId, path.staff, path.facts), ...path.visited]);
  // How distinctive a word is among the steps this conversation could be on: "folder" is in the Store
  // app's and the Mac's steps too, but on the PC's path only one step names it…
  const candidates = indexed.steps.filter((step) => allowed.has(step.stepId));
  const onPath = bestStep(candidates, frequencies(candidates), asked);
  if (!onPath || onPath.score < minScore) return undefined;
  // …unless the question's words point more strongly at a step off the path ("redirect the search
  // output to a file" is the server's step, even where "file" names only one of the Store app's).
  if (anywhere && !allowed.has(anywhere.stepId) && anywhere.score > onPath.score) return undefined;
  return holds(onPath.stepId) ? onPath.stepId : undefined;
}

interface IndexedFlow {
  steps: IndexedStep[];
  topic: Set<string>;
  frequency: Map<string, number>;
}

function indexFlow(flow: FlowDefinition): IndexedFlow & { withoutEndings: IndexedFlow } {
  // The flow's own subject: words of its triggers and title that are not everyday verbs ("walk", "set").
  const topic = new Set([...flow.triggers.flatMap((trigger) => wordsOf(trigger.replace(/\+/g, ' '))), ...wordsOf(flow.title)].filter((word) => !EVERYDAY.has(word)));
  const steps: IndexedStep[] = [];
  for (const [stepId, step] of Object.entries(flow.steps)) {
    // Procedure steps only: instructions the user carries out (questions and endings are not "how do I"),
    // and the last step of a procedure that still has some ("zip the logs and attach them to the ticket").
    // (Not a cause's fix: that is the troubleshooter's conclusion, reached by its questions.)
    if ((!step.next && !(step.end === 'done' && step.do?.length)) || step.branch) continue;
    // (A title's "Step 10 —" is its place, not its subject: "IE 10" is no question about step 10.)
    const text = [step.title.replace(/^step \d+\s*[—–-]\s*/i, ''), step.say ?? '', ...(step.do ?? []), step.stuckHelp ?? ''].join(' ');
    steps.push({ stepId, words: new Set(wordsOf(text)), ending: !step.next });
  }
  const procedure = steps.filter((step) => !step.ending);
  return { steps, topic, frequency: frequencies(steps), withoutEndings: { steps: procedure, topic, frequency: frequencies(procedure) } };
}

/** The one step whose distinctive words the question holds most of (a tie names none). */
function bestStep(steps: readonly IndexedStep[], frequency: ReadonlyMap<string, number>, asked: readonly string[]): { stepId: string; score: number } | undefined {
  const scores = steps.map((step) => ({
    stepId: step.stepId,
    score: asked.reduce((sum, word) => {
      const count = frequency.get(word) ?? 0;
      return step.words.has(word) && count <= DISTINCT_IN ? sum + 1 / count : sum;
    }, 0),
  }));
  scores.sort((a, b) => b.score - a.score);
  const [first, second] = scores;
  if (!first || first.score === 0 || (second && second.score >= first.score)) return undefined;
  return first;
}

/** In how many of the steps each word appears. */
function frequencies(steps: readonly IndexedStep[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const step of steps) for (const word of step.words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return frequency;
}

/** Where a branch may lead: the case the facts name, when they name one; otherwise every case. */
function branchTargets(branch: NonNullable<FlowDefinition['steps'][string]['branch']>, facts: Readonly<Record<string, string>>): string[] {
  const known = facts[branch.on];
  const taken = known !== undefined ? (branch.cases as Record<string, string>)[known] : undefined;
  return taken !== undefined ? [taken] : [...Object.values(branch.cases), branch.otherwise];
}

/** Steps reachable from `from` by any answers, "next" and (unless `throughStuck` is false) "stuck"; staff-only choices only for staff. */
export function reachable(flow: FlowDefinition, from: string, staff: boolean, facts: Readonly<Record<string, string>> = {}, throughStuck = true): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const stepId = queue.pop()!;
    const step = flow.steps[stepId];
    if (!step || seen.has(stepId)) continue;
    seen.add(stepId);
    const targets = [
      step.next,
      throughStuck ? step.stuck : undefined,
      ...(step.choices ?? []).filter((choice) => staff || !choice.staffOnly).map((choice) => choice.next),
      ...(step.branch ? branchTargets(step.branch, facts) : []),
    ];
    // A target in another flow ("flow:…") is not a step of this one.
    for (const target of targets) if (target && !target.startsWith('flow:')) queue.push(target);
  }
  return seen;
}
