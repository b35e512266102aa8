import { addDays, dayOf } from '../journal/state-port';
import type { InsightEvent, QuestionText } from './events';
import { groupSimilar, type Gap } from './gaps';

export interface ReportInput {
  events: readonly InsightEvent[];
  texts: readonly QuestionText[];
  articles: ReadonlyArray<{ id: string; title: string }>;
  /** Last day of the report (UTC) and how many days it covers. */
  to: Date;
  days: number;
  retentionDays: number;
}

export interface FlowFunnel {
  flowId: string;
  title: string;
  started: number;
  completed: number;
  handedOff: number;
  abandoned: number;
  /** Runs that reached each step, most reached first (the order people go through them). */
  steps: Array<{ stepId: string; title: string; reached: number; dropOff: number }>;
}

export interface Report {
  from: string;
  to: string;
  days: number;
  retentionDays: number;
  perDay: Array<{ day: string; questions: number; answered: number; declined: number }>;
  questions: number;
  answered: number;
  declined: number;
  /** Answered / asked, 0..1; undefined when nothing was asked. */
  answerRate: number | undefined;
  votes: { helpful: number; notHelpful: number };
  notHelpfulByArticle: Array<{ articleId: string; title: string; count: number }>;
  unusedArticles: Array<{ id: string; title: string }>;
  /** Declined questions grouped by wording (only those whose wording is still kept). */
  gaps: Gap[];
  declinedWithoutText: number;
  flows: FlowFunnel[];
  handOffs: number;
  handOffsByEnding: Array<{ ending: string; count: number }>;
}

/** A run with no end for this long is counted as abandoned where it stopped. */
const IDLE_MS = 30 * 60_000;

/** The figures of the report, from the recorded events. Pure: same input, same report. */
export function buildReport(input: ReportInput): Report {
  const to = dayOf(input.to);
  const from = addDays(to, -(input.days - 1));
  const inRange = (at: string) => {
    const day = at.slice(0, 10);
    return day >= from && day <= to;
  };
  const events = input.events.filter((event) => inRange(event.at));
  const titles = new Map(input.articles.map((article) => [article.id, article.title]));

  const perDay = new Map<string, { questions: number; answered: number; declined: number }>();
  for (let day = from; day <= to; day = addDays(day, 1)) perDay.set(day, { questions: 0, answered: 0, declined: 0 });
  const questions = events.filter((event): event is Extract<InsightEvent, { kind: 'question' }> => event.kind === 'question');
  for (const question of questions) {
    const bucket = perDay.get(question.at.slice(0, 10))!;
    bucket.questions++;
    if (question.answered) bucket.answered++;
    else bucket.declined++;
  }
  const answered = questions.filter((q) => q.answered).length;

  const votes = events.filter((event): event is Extract<InsightEvent, { kind: 'vote' }> => event.kind === 'vote');
  const notHelpful = new Map<string, number>();
  for (const vote of votes) if (!vote.helpful && vote.articleId) notHelpful.set(vote.articleId, (notHelpful.get(vote.articleId) ?? 0) + 1);

  const used = new Set<string>();
  for (const event of events) if ((event.kind === 'question' || event.kind === 'vote') && event.articleId) used.add(event.articleId);

  const textById = new Map(input.texts.map((text) => [text.id, text.text]));
  const declined = questions.filter((q) => !q.answered);
  const declinedTexts = declined.map((q) => textById.get(q.id)).filter((text): text is string => text !== undefined);

  const handOffs = events.filter((event): event is Extract<InsightEvent, { kind: 'handoff' }> => event.kind === 'handoff');
  const endings = new Map<string, number>();
  for (const handOff of handOffs) endings.set(handOff.ending, (endings.get(handOff.ending) ?? 0) + 1);

  return {
    from,
    to,
    days: input.days,
    retentionDays: input.retentionDays,
    perDay: [...perDay.entries()].map(([day, counts]) => ({ day, ...counts })),
    questions: questions.length,
    answered,
    declined: declined.length,
    answerRate: questions.length > 0 ? answered / questions.length : undefined,
    votes: { helpful: votes.filter((v) => v.helpful).length, notHelpful: votes.filter((v) => !v.helpful).length },
    notHelpfulByArticle: [...notHelpful.entries()]
      .map(([articleId, count]) => ({ articleId, title: titles.get(articleId) ?? articleId, count }))
      .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title)),
    unusedArticles: input.articles.filter((article) => !used.has(article.id)).map(({ id, title }) => ({ id, title })),
    // (A wording without a word, "2" typed with no list to pick from, is no gap in the knowledge base.)
    gaps: groupSimilar(declinedTexts.filter((text) => /[a-z]{2}/i.test(text))),
    declinedWithoutText: declined.length - declinedTexts.length,
    flows: funnels(events, input.to),
    handOffs: handOffs.length,
    handOffsByEnding: [...endings.entries()].map(([ending, count]) => ({ ending, count })).sort((a, b) => b.count - a.count || a.ending.localeCompare(b.ending)),
  };
}

function funnels(events: readonly InsightEvent[], now: Date): FlowFunnel[] {
  type Run = { steps: string[]; ending?: string; last: string };
  type Flow = { title: string; runs: Map<string, Run>; stepTitles: Map<string, string>; stepOrder: string[] };
  const flows = new Map<string, Flow>();
  for (const event of events) {
    if (event.kind !== 'flow') continue;
    const flow: Flow = flows.get(event.flowId) ?? { title: event.flowTitle, runs: new Map(), stepTitles: new Map(), stepOrder: [] };
    flows.set(event.flowId, flow);
    const run: Run = flow.runs.get(event.run) ?? { steps: [], last: event.at };
    flow.runs.set(event.run, run);
    run.last = event.at;
    if (event.event === 'step' && event.stepId && !run.steps.includes(event.stepId)) {
      run.steps.push(event.stepId);
      if (event.stepTitle) flow.stepTitles.set(event.stepId, event.stepTitle);
      if (!flow.stepOrder.includes(event.stepId)) flow.stepOrder.push(event.stepId);
    }
    if (event.event === 'completed' || event.event === 'abandoned' || event.event === 'handoff') run.ending = event.event;
  }
  return [...flows.entries()]
    .map(([flowId, flow]) => {
      const runs = [...flow.runs.values()];
      const idle = runs.filter((run) => !run.ending && now.getTime() - new Date(run.last).getTime() > IDLE_MS).length;
      const reached = new Map<string, number>();
      const stoppedAt = new Map<string, number>();
      for (const run of runs) {
        for (const step of run.steps) reached.set(step, (reached.get(step) ?? 0) + 1);
        const last = run.steps.at(-1);
        if (last && (run.ending === 'abandoned' || (!run.ending && now.getTime() - new Date(run.last).getTime() > IDLE_MS))) stoppedAt.set(last, (stoppedAt.get(last) ?? 0) + 1);
      }
      const order = new Map(flow.stepOrder.map((step, index) => [step, index]));
      return {
        flowId,
        title: flow.title,
        started: runs.length,
        completed: runs.filter((run) => run.ending === 'completed').length,
        handedOff: runs.filter((run) => run.ending === 'handoff').length,
        abandoned: runs.filter((run) => run.ending === 'abandoned').length + idle,
        steps: [...reached.entries()]
          .sort((a, b) => b[1] - a[1] || order.get(a[0])! - order.get(b[0])!)
          .map(([stepId, count]) => ({ stepId, title: flow.stepTitles.get(stepId) ?? stepId, reached: count, dropOff: stoppedAt.get(stepId) ?? 0 })),
      };
    })
    .sort((a, b) => b.started - a.started || a.title.localeCompare(b.title));
}
