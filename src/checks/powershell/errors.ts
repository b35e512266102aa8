/**
 * Failures of the PowerShell checks, each with a message an admin can act on. The command layer turns
 * them into replies and audit outcomes, so they carry the outcome they stand for.
 */

import { CommandFailure } from '../../commands/command-failure';

export class CheckFailure extends CommandFailure {}

/** Checks are switched off, or pwsh cannot be started on this host. */
export class ChecksUnavailableError extends CheckFailure {}

/** The queue in front of the PowerShell session is full. */
export class ChecksBusyError extends CheckFailure {}

/** A PowerShell call ran past its time limit; the session was killed and will be restarted. */
export class ChecksTimeoutError extends CheckFailure {
  constructor(message: string) {
    super(message, 'timeout');
  }
}

/** pwsh stopped (crashed or was killed) while a call was running. */
export class PowerShellExitedError extends CheckFailure {}

/** The session answered with something other than the expected JSON, or could not be set up. */
export class PowerShellProtocolError extends CheckFailure {}

/** A call named a cmdlet or parameter outside the allowlist; nothing was sent to PowerShell. */
export class CmdletRefusedError extends CheckFailure {}
