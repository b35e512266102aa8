/**
 * An error whose message is fit to show the person who typed the command. The registry shows it as it
 * is and records the outcome it names; any other error is reported as an unexpected failure.
 */
export class CommandFailure extends Error {
  constructor(
    message: string,
    readonly outcome: 'failed' | 'timeout' = 'failed',
  ) {
    super(message);
    this.name = new.target.name;
  }
}
