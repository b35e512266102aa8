export { registerProbeCommand, type ProbeCommandDeps } from './probe-command';
export { probeSettingsFrom } from './probe-config';
export { runProbe } from './run-probe';
export { probeFindings, PROBE_RULES, type ProbeFinding } from './probe-rules';
export { probeReply } from './probe-reply';
export type { ProbeSettings } from './probe-settings';
export type { ProbeObservations } from './observations';
