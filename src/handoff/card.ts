import { bullets, card, facts, paragraph, type Element } from '../cards/adaptive';
import type { CardJson } from '../core/reply';
import { escapeMarkdown } from '../core/user-text';
import { answeredWith, type HandOffSummary } from './summary';

const MARK = { done: '✔', stuck: '✖ stuck', reached: '➜ reached' } as const;

/**
 * The hand-off as an Adaptive Card for the helpdesk channel (and as the user's copy). What the user
 * or the channel supplied (the name, the user id, the questions) goes into TextRuns, which show text
 * exactly as it is and never read Markdown, so it cannot become a link or formatting for the agent.
 * Flow text (step titles, answers, suggestions) is ours and keeps its light Markdown.
 */
export function handOffCard(summary: HandOffSummary, { update = false }: { update?: boolean } = {}): CardJson {
  const body: Element[] = [
    literal([{ text: `Hand-off ${summary.id}${update ? ' (updated)' : ''}: ${summary.who.name}`, weight: 'Bolder', size: 'Medium' }]),
    literal([{ text: 'Who: ', weight: 'Bolder' }, { text: `${summary.who.name} (${summary.who.id})` }]),
    facts([
      ['Channel', escapeMarkdown(summary.who.channel)],
      ['Client', summary.client ?? 'not said'],
      ['Flow', summary.flow ? `${summary.flow.title} (${summary.flow.outcome})` : 'none'],
      ...(summary.flow ? ([['Stopped at', summary.flow.stoppedAt]] as Array<[string, string]>) : []),
      ['When', summary.at],
    ]),
  ];
  if (summary.answers.length > 0) {
    body.push(paragraph('Answers given', { separator: true }), ...earlier(summary.omitted?.answers, 'answers'), facts(summary.answers.map((a) => [a.question, a.answer])));
  }
  if (summary.steps.length > 0) {
    body.push(paragraph('Steps', { separator: true }), ...earlier(summary.omitted?.steps, 'steps'), ...bullets(summary.steps.map((s) => `${MARK[s.status]} ${s.title}`)));
  }
  if (summary.questions.length > 0) {
    body.push(
      paragraph('Questions asked', { separator: true }),
      ...earlier(summary.omitted?.questions, 'questions'),
      ...summary.questions.map((q) => literal([{ text: `• ${q.question}` }, { text: ` → ${answeredWith(q.answeredWith)}`, isSubtle: true }])),
    );
  }
  if (summary.said && summary.said.length > 0) {
    body.push(
      paragraph('Also said', { separator: true }),
      ...summary.said.map((entry) => literal([{ text: `• ${entry.text}` }, { text: ` (at ${entry.step})`, isSubtle: true }])),
    );
  }
  if (summary.forHelpdesk && summary.forHelpdesk.length > 0) {
    body.push(paragraph('For the helpdesk', { separator: true }), ...summary.forHelpdesk.map((text) => literal([{ text: `• ${text}` }])));
  }
  body.push(paragraph('Suggested next action', { separator: true }), ...bullets(summary.next));
  return card(body);
}

interface Run {
  text: string;
  weight?: 'Bolder';
  size?: 'Medium';
  isSubtle?: boolean;
}

/** A line of plain TextRuns: shown as is, whatever characters the text holds. */
function literal(runs: Run[]): Element {
  return { type: 'RichTextBlock', inlines: runs.map((run) => ({ type: 'TextRun', ...run })) };
}

function earlier(count: number | undefined, what: string): Element[] {
  return count ? [paragraph(`${count} earlier ${what} not shown`, { subtle: true, small: true })] : [];
}
