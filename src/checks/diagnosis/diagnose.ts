import { DIAGNOSIS_RULES, type DiagnosisRule, type Severity } from './diagnosis-rules';
import type { EffectiveSettings } from '../lync/effective-settings';
import type { CheckArticleId } from './knowledge-articles';

export interface Finding {
  ruleId: string;
  severity: Severity;
  title: string;
  explanation: string;
  fix: string;
  article: CheckArticleId;
}

export interface Diagnosis {
  findings: Finding[];
  /** Titles of the rules that were evaluated (for the "no problems found" answer). */
  checked: string[];
  /** True when a blocking finding stopped the other rules. */
  stoppedEarly: boolean;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function diagnose(settings: EffectiveSettings, rules: readonly DiagnosisRule[] = DIAGNOSIS_RULES): Diagnosis {
  const applicable = rules.filter((rule) => rule.appliesTo.includes(settings.kind));
  const toFinding = (rule: DiagnosisRule): Finding => ({
    ruleId: rule.id,
    severity: rule.severity,
    title: rule.title,
    explanation: rule.explain(settings),
    fix: rule.fix(settings),
    article: rule.article,
  });
  // A user who cannot sign in at all gets that answer alone: the rest would describe a sign-in that cannot happen.
  const blocking = applicable.filter((rule) => rule.blocking && rule.when(settings));
  if (blocking.length > 0) {
    return { findings: blocking.map(toFinding), checked: applicable.filter((rule) => rule.blocking).map((rule) => rule.title), stoppedEarly: true };
  }
  const findings = applicable.filter((rule) => rule.when(settings)).map(toFinding);
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { findings, checked: applicable.map((rule) => rule.title), stoppedEarly: false };
}
