import type { CardJson } from '../../core/reply';
import type { Finding } from '../diagnosis/diagnose';
import type { SettingLine } from '../diagnosis/settings-summary';

/**
 * Adaptive Cards (version 1.5) for check results, built as plain JSON by pure functions. The text reply
 * always carries the same findings; the card is the richer view.
 */

const MAX_ACTIONS = 6;

export interface CardAction {
  title: string;
  /** The chat command the button sends, e.g. "show policies bob@contoso.dk". */
  command: string;
}

const SEVERITY_STYLE: Record<Finding['severity'], { style: string; color: string; label: string }> = {
  error: { style: 'attention', color: 'Attention', label: 'Error' },
  warning: { style: 'warning', color: 'Warning', label: 'Warning' },
  info: { style: 'emphasis', color: 'Default', label: 'Info' },
};

function textBlock(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

/** A finding as the card shows it: with the article to read named as readers know it. */
export type ShownCheckFinding = Finding & { articleName: string };

function findingContainer(finding: ShownCheckFinding): Record<string, unknown> {
  const look = SEVERITY_STYLE[finding.severity];
  return {
    type: 'Container',
    style: look.style,
    spacing: 'Medium',
    items: [
      textBlock(`${look.label}: ${finding.title}`, { weight: 'Bolder', color: look.color }),
      textBlock(finding.explanation),
      textBlock('Fix:', { weight: 'Bolder', spacing: 'Small' }),
      // One block per command line: Teams folds single line breaks inside a TextBlock.
      ...finding.fix.split('\n').filter((line) => line.trim() !== '').map((line) => textBlock(line, { fontType: 'Monospace', spacing: 'None' })),
      textBlock(`Read: ${finding.articleName} · rule ${finding.ruleId}`, { isSubtle: true, size: 'Small' }),
    ],
  };
}

function settingsFactSet(lines: SettingLine[]): Record<string, unknown> {
  return {
    type: 'FactSet',
    facts: lines.map((line) => ({ title: line.label, value: line.values ? `${line.values} — ${line.source}` : line.source })),
  };
}

function actions(list: CardAction[]): Record<string, unknown>[] {
  return list.slice(0, MAX_ACTIONS).map((action) => ({
    type: 'Action.Submit',
    title: action.title,
    // Teams sends imBack data as if the user typed it, so the button runs the same chat command.
    data: { msteams: { type: 'imBack', value: action.command }, command: action.command },
  }));
}

function card(body: Record<string, unknown>[], cardActions: CardAction[]): CardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(cardActions.length > 0 ? { actions: actions(cardActions) } : {}),
  };
}

interface CheckCardInput {
  title: string;
  subtitle: string;
  findings: ShownCheckFinding[];
  /** Shown when there are no findings: what was checked. */
  checked: string[];
  settings: SettingLine[];
  actions: CardAction[];
}

export function checkResultCard(input: CheckCardInput): CardJson {
  const body: Record<string, unknown>[] = [
    textBlock(input.title, { size: 'Medium', weight: 'Bolder' }),
    textBlock(input.subtitle, { isSubtle: true, spacing: 'None' }),
  ];
  if (input.findings.length === 0) {
    body.push(textBlock('No problems found.', { color: 'Good', weight: 'Bolder' }));
    body.push(textBlock(`Checked: ${input.checked.join('; ')}.`, { size: 'Small' }));
  } else {
    body.push(...input.findings.map(findingContainer));
  }
  body.push(textBlock('Effective settings', { weight: 'Bolder', spacing: 'Large' }), settingsFactSet(input.settings));
  return card(body, input.actions);
}

export function settingsCard(title: string, subtitle: string, settings: SettingLine[], cardActions: CardAction[]): CardJson {
  return card(
    [
      textBlock(title, { size: 'Medium', weight: 'Bolder' }),
      textBlock(subtitle, { isSubtle: true, spacing: 'None' }),
      ...settings.map((line) => ({
        type: 'Container',
        spacing: 'Medium',
        items: [
          textBlock(line.label, { weight: 'Bolder' }),
          textBlock(`from ${line.source}`, { isSubtle: true, spacing: 'None', size: 'Small' }),
          ...(line.values ? [textBlock(line.values, { spacing: 'Small' })] : []),
        ],
      })),
    ],
    cardActions,
  );
}
