import { findingText } from '../../core/finding-text';
import type { Reply } from '../../core/reply';
import { checkResultCard, settingsCard, type CardAction } from './check-cards';
import type { Diagnosis, Finding } from '../diagnosis/diagnose';
import type { SettingLine } from '../diagnosis/settings-summary';

/** Plain-text replies (light Markdown) for the check commands; each carries all the findings. */

function settingsText(settings: SettingLine[]): string {
  return settings.map((line) => `- **${line.label}**: ${line.values ? `${line.values} — ` : ''}from ${line.source}`).join('\n');
}

interface CheckReplyInput {
  subject: string;
  summary: string;
  diagnosis: Diagnosis;
  settings: SettingLine[];
  actions: CardAction[];
  /** Article titles by id: the article to read is named by its title (an id never reaches a reader). */
  articleTitle?: (id: string) => string | undefined;
}

/** The article a finding says to read, as readers know it. (Without titles at hand: "the knowledge base article on it".) */
function articleName(id: string, title: ((id: string) => string | undefined) | undefined): string {
  const known = title?.(id);
  return known ? `"${known}"` : 'the knowledge base article on it (ask me about it)';
}

export function checkReply(input: CheckReplyInput): Reply {
  const { diagnosis } = input;
  const count = diagnosis.findings.length;
  const head = `**Check of ${input.subject}**\n${input.summary}`;
  const body =
    count === 0
      ? `**No problems found.** Checked: ${diagnosis.checked.join('; ')}.\n\nSettings checked:\n${settingsText(input.settings)}`
      : [
          `${count} problem${count === 1 ? '' : 's'} found${diagnosis.stoppedEarly ? ' (other rules were skipped: the user cannot sign in at all)' : ''}:`,
          ...diagnosis.findings.map((finding, index) => findingText(finding, index, articleName(finding.article, input.articleTitle))),
        ].join('\n');
  return {
    text: `${head}\n\n${body}`,
    card: checkResultCard({
      title: `Check of ${input.subject}`,
      subtitle: input.summary,
      findings: diagnosis.findings.map((finding) => ({ ...finding, articleName: articleName(finding.article, input.articleTitle) })),
      checked: diagnosis.checked,
      settings: input.settings,
      actions: input.actions,
    }),
    suggestions: input.actions.map((action) => action.command).slice(0, 6),
    findings: diagnosis.findings.map((finding) => ({ title: finding.title, articleId: finding.article })),
  };
}

export function settingsReply(subject: string, summary: string, settings: SettingLine[], actions: CardAction[]): Reply {
  return {
    text: `**Effective settings for ${subject}**\n${summary}\n\n${settingsText(settings)}`,
    card: settingsCard(`Effective settings for ${subject}`, summary, settings, actions),
    suggestions: actions.map((action) => action.command).slice(0, 6),
  };
}
