import { z } from 'zod';
import { entryCount } from '../commands/argument-schemas';
import { defineCommand, type CommandDefinition } from '../commands/command';
import { textReply } from '../core/reply';
import { escapeMarkdown } from '../core/user-text';
import type { Report } from './report-model';

export function percent(rate: number | undefined): string {
  return rate === undefined ? 'n/a' : `${Math.round(rate * 100)}%`;
}

/** The headline figures and the top five gaps, for chat. */
export function reportSummary(report: Report): string {
  const lines = [
    `**Helpdesk report, ${report.from} to ${report.to}** (${report.days} day${report.days === 1 ? '' : 's'})`,
    `- Questions: ${report.questions} · answered ${report.answered} · declined ${report.declined} · answer rate ${percent(report.answerRate)}`,
    `- Votes: ${report.votes.helpful} helpful · ${report.votes.notHelpful} not helpful`,
    `- Guided flows: ${report.flows.reduce((n, f) => n + f.started, 0)} started · ${report.flows.reduce((n, f) => n + f.completed, 0)} completed · ${report.flows.reduce((n, f) => n + f.abandoned, 0)} abandoned`,
    `- Hand-offs: ${report.handOffs}${report.handOffsByEnding.length ? ` (${report.handOffsByEnding.map((e) => `${e.ending}: ${e.count}`).join(', ')})` : ''}`,
  ];
  const gaps = report.gaps.slice(0, 5);
  lines.push(gaps.length ? '**Top gaps** (declined questions, grouped by wording)' : 'No declined questions with their wording in this period.');
  gaps.forEach((gap, index) => lines.push(`${index + 1}. "${escapeMarkdown(gap.example)}" · asked ${gap.count}×`));
  if (report.notHelpfulByArticle[0]) lines.push(`Most "not helpful" votes: ${escapeMarkdown(report.notHelpfulByArticle[0].title)} (${report.notHelpfulByArticle[0].count})`);
  lines.push(`The full report with charts: \`npm run report -- --days ${report.days} --out report.html\``);
  return lines.join('\n');
}

/** `report [days]`: headline figures and the top five gaps (agents and admins). */
export function reportCommand(load: (days: number) => Promise<Report>): CommandDefinition<{ days: number }> {
  return defineCommand({
    name: 'report',
    aliases: ['helpdesk report'],
    usage: 'report [days]',
    summary: 'Questions, answer rate, votes, flows and hand-offs of the last days (default 30), with the top five gaps.',
    role: 'agent',
    timeoutMs: 20_000,
    slow: false,
    positional: ['days'],
    args: z.object({ days: entryCount(30, 365) }),
    async handler({ days }) {
      return textReply(reportSummary(await load(days)));
    },
  });
}
