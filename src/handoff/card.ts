import { bullets, card, facts, heading, paragraph, type Element } from '../cards/adaptive';
import type { CardJson } from '../core/reply';
import type { HandOffSummary } from './summary';

const MARK = { done: '✔', stuck: '✖ stuck', reached: '➜ reached' } as const;

/** The hand-off as an Adaptive Card for the helpdesk channel (and as the user's copy). */
export function handOffCard(summary: HandOffSummary): CardJson {
  const body: Element[] = [
    heading(`Hand-off ${summary.id}: ${summary.who.name}`),
    facts([
      ['Who', `${summary.who.name} (${summary.who.id})`],
      ['Channel', summary.who.channel],
      ['Client', summary.client ?? 'not said'],
      ['Flow', summary.flow ? `${summary.flow.title} (${summary.flow.outcome})` : 'none'],
      ...(summary.flow ? ([['Stopped at', summary.flow.stoppedAt]] as Array<[string, string]>) : []),
      ['When', summary.at],
    ]),
  ];
  if (summary.answers.length > 0) {
    body.push(paragraph('Answers given', { separator: true }), facts(summary.answers.map((a) => [a.question, a.answer])));
  }
  if (summary.steps.length > 0) {
    body.push(paragraph('Steps', { separator: true }), ...bullets(summary.steps.map((s) => `${MARK[s.status]} ${s.title}`)));
  }
  if (summary.questions.length > 0) {
    body.push(
      paragraph('Questions asked', { separator: true }),
      ...bullets(summary.questions.map((q) => `${q.question} → ${q.answeredWith ? `article ${q.answeredWith}` : 'not answered'}`)),
    );
  }
  body.push(paragraph('Suggested next action', { separator: true }), ...bullets(summary.next));
  return card(body);
}
