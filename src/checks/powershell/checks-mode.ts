const CHECKS_MODES = ['off', 'lab', 'local', 'remote'] as const;
export type ChecksMode = (typeof CHECKS_MODES)[number];

export const LAB_NOTICE =
  '**Lab data** — these checks ran against the test stand-in for the contoso.dk lab, not a real Lync server.';

/** What every command reply says first in this mode (lab results are not a real server's). */
export function modeNotice(mode: ChecksMode): string | undefined {
  return mode === 'lab' ? LAB_NOTICE : undefined;
}

export function describeMode(mode: ChecksMode): string {
  switch (mode) {
    case 'off':
      return 'off (LYNC_CHECKS=off): no PowerShell is started';
    case 'lab':
      return 'lab: the test stand-in module with the contoso.dk lab data, not a real Lync server';
    case 'local':
      return 'local: the Lync / Skype for Business module installed on this computer';
    case 'remote':
      return 'remote: a remote PowerShell session to the pool (https://<pool>/OcsPowershell)';
  }
}
