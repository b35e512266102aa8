/** What a finding shows in a chat reply, whether a check or a probe found it. */
export interface ShownFinding {
  severity: 'error' | 'warning' | 'info';
  title: string;
  ruleId: string;
  explanation: string;
  fix: string;
}

const LABEL: Record<ShownFinding['severity'], string> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

/**
 * One numbered finding as light Markdown: severity and title, what was seen, the fix as a block the
 * reader can copy, and what to read. Checks and probes share it so agents learn one layout.
 */
export function findingText(finding: ShownFinding, index: number, read: string): string {
  return [
    `${index + 1}. **${LABEL[finding.severity]}: ${finding.title}** (rule ${finding.ruleId})`,
    `   ${finding.explanation}`,
    '   Fix:',
    '```',
    finding.fix,
    '```',
    `   Read: ${read}`,
  ].join('\n');
}
