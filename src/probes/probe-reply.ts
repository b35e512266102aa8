import { card, type Element, type SubmitAction } from '../cards/adaptive';
import { findingText } from '../core/finding-text';
import type { Reply } from '../core/reply';
import type { ProbeObservations } from './observations';
import type { ProbeFinding, Severity } from './probe-rules';

/**
 * The probe's answer, in the style of the check results: a text reply that carries every finding
 * (cause, what was seen, fix, article) and an Adaptive Card with the same content.
 */

const STYLE: Record<Severity, { style: string; color: string; label: string }> = {
  error: { style: 'attention', color: 'Attention', label: 'Error' },
  warning: { style: 'warning', color: 'Warning', label: 'Warning' },
  info: { style: 'emphasis', color: 'Default', label: 'Info' },
};

export interface ProbeReplyInput {
  seen: ProbeObservations;
  findings: ProbeFinding[];
  executionId: string;
  /** Knowledge-base article title for an id (ids are never shown). */
  articleTitle(id: string): string | undefined;
}

function articleNames(finding: ProbeFinding, title: (id: string) => string | undefined): string {
  return finding.articles.map((id) => `"${title(id) ?? id}"`).join('; ');
}

/** One line per thing the probe looked at: the "what was seen" part of the answer. */
export function observedFacts(seen: ProbeObservations): Array<[string, string]> {
  const facts: Array<[string, string]> = [];
  for (const { name, lookup } of seen.srv) {
    facts.push([name, lookup.ok ? lookup.records.map((r) => `${r.target}:${r.port}`).join(', ') || 'no records' : `no record (${lookup.code})`]);
  }
  for (const { name, lookup } of seen.hosts) {
    const record = lookup.ok ? lookup.records[0] : undefined;
    facts.push([
      name,
      !lookup.ok ? `no record (${lookup.code})` : `${record?.cnames.length ? `CNAME ${record.cnames.join(', ')} → ` : ''}${record?.addresses.join(', ') ?? ''}`,
    ]);
  }
  for (const visit of seen.tls) {
    const c = visit.certificate;
    facts.push([
      `certificate ${visit.host}:${visit.port}`,
      c ? `${c.names.slice(0, 4).join(', ')}${c.names.length > 4 ? ', …' : ''} · valid to ${c.validTo.slice(0, 10)} · issuer ${c.issuer} · ${c.trusted ? 'trusted' : `not trusted (${c.trustError ?? '?'})`}` : `no TLS: ${visit.error ?? '?'}`,
    ]);
  }
  for (const visit of seen.autodiscover) {
    const user = visit.userUrl ? new URL(visit.userUrl).hostname : undefined;
    facts.push([
      `Autodiscover ${visit.name}`,
      visit.error
        ? visit.error
        : `HTTP ${visit.status ?? '?'}${user ? ` · user link on ${user}` : ''}${visit.methods ? ` · offers ${visit.methods.join(', ') || 'nothing readable'}` : ''}`,
    ]);
  }
  if (seen.clock.length > 0) {
    // One line: the largest difference is what matters, the rest only says how many servers agreed.
    const worst = seen.clock.reduce((a, b) => (Math.abs(b.skewMs) > Math.abs(a.skewMs) ? b : a));
    const seconds = Math.round(worst.skewMs / 1000);
    facts.push([
      'server clocks',
      `largest difference ${seconds > 0 ? '+' : ''}${seconds} s (${worst.host}) against the bot, over ${seen.clock.length} server${seen.clock.length === 1 ? '' : 's'}`,
    ]);
  }
  if (seen.adfs) {
    facts.push([
      'AD FS metadata',
      seen.adfs.error ?? `token signing valid to ${(seen.adfs.signing ?? []).map((cert) => cert.validTo.slice(0, 10)).join(', ') || 'none listed'}`,
    ]);
  }
  return facts;
}

function checkedList(seen: ProbeObservations): string {
  return [
    `${seen.srv.length + seen.hosts.length} DNS names`,
    `${seen.tls.filter((visit) => visit.certificate).length} certificates`,
    `Autodiscover (${seen.autodiscover.map((visit) => visit.name).join(', ') || 'not published'})`,
    `clock against ${seen.clock.length} server${seen.clock.length === 1 ? '' : 's'}`,
    ...(seen.adfs ? ['AD FS token signing'] : []),
  ].join('; ');
}

function findingContainer(finding: ProbeFinding, title: (id: string) => string | undefined): Element {
  const look = STYLE[finding.severity];
  const block = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
  return {
    type: 'Container',
    style: look.style,
    spacing: 'Medium',
    items: [
      block(`${look.label}: ${finding.title}`, { weight: 'Bolder', color: look.color }),
      block(finding.explanation),
      block('Fix:', { weight: 'Bolder', spacing: 'Small' }),
      ...finding.fix.split('\n').filter((line) => line.trim() !== '').map((line) => block(line, { fontType: 'Monospace', spacing: 'None' })),
      block(`Article: ${articleNames(finding, title)} · rule ${finding.ruleId}`, { isSubtle: true, size: 'Small' }),
    ],
  };
}

export function probeReply(input: ProbeReplyInput): Reply {
  const { seen, findings } = input;
  const subject = `Probe of ${seen.sipDomain}`;
  const summary = `DNS, certificates, Autodiscover${seen.adfs ? ', AD FS' : ''} and clock, seen from the bot · execution ${input.executionId}`;
  const facts = observedFacts(seen);
  const again: SubmitAction = { title: 'Probe again', says: `probe ${seen.sipDomain}` };
  const count = findings.length;
  const body =
    count === 0
      ? `**No problems found.** Checked: ${checkedList(seen)}.`
      : [`${count} problem${count === 1 ? '' : 's'} found:`, ...findings.map((finding, index) => findingText(finding, index, articleNames(finding, input.articleTitle)))].join('\n');
  const seenText = facts.map(([label, value]) => `- **${label}**: ${value}`).join('\n');
  const cardBody: Element[] = [
    { type: 'TextBlock', text: subject, size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: summary, isSubtle: true, spacing: 'None', wrap: true },
    ...(count === 0
      ? [
          { type: 'TextBlock', text: 'No problems found.', color: 'Good', weight: 'Bolder', wrap: true },
          { type: 'TextBlock', text: `Checked: ${checkedList(seen)}.`, size: 'Small', wrap: true },
        ]
      : findings.map((finding) => findingContainer(finding, input.articleTitle))),
    { type: 'TextBlock', text: 'What the probe saw', weight: 'Bolder', spacing: 'Large', wrap: true },
    { type: 'FactSet', facts: facts.map(([title, value]) => ({ title, value })) },
  ];
  return {
    text: `**${subject}**\n${summary}\n\n${body}\n\nWhat the probe saw:\n${seenText}`,
    summary: count === 0 ? `${subject}: no problems found.` : `${subject}: ${count} problem${count === 1 ? '' : 's'} found.`,
    card: card(cardBody, [again]),
    suggestions: [again.says],
  };
}
