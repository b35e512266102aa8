import { z } from 'zod';
import { defineCommand } from '../commands/command';
import type { CommandRegistry } from '../commands/command-registry';
import { probeFindings } from './probe-rules';
import { probeReply } from './probe-reply';
import type { ProbeSettings } from './probe-settings';
import { runProbe } from './run-probe';
import { probeTargetArgument } from './scope';

export interface ProbeCommandDeps {
  settings: ProbeSettings;
  articleTitle(id: string): string | undefined;
  now?: () => Date;
}

/** Extra time the command gets beyond the probe's own total limit, to build and send the answer. */
const COMMAND_MARGIN_MS = 5_000;

/**
 * `probe <sip domain | user@domain>`: what a Lync client meets on the network, seen from the bot. For
 * agents and admins: it only reads public answers (DNS, certificates, anonymous HTTPS), within
 * PROBE_DOMAINS. Acknowledged at once, its result follows like a check's; every query, handshake and
 * request it makes is listed in the audit record.
 */
export function registerProbeCommand(registry: CommandRegistry, deps: ProbeCommandDeps): void {
  const now = deps.now ?? (() => new Date());
  registry.register(
    defineCommand({
      name: 'probe',
      aliases: ['probe domain'],
      usage: 'probe <sip domain or user@domain>',
      // Help says where it may look, or that it is not set up here, so nobody is offered a command that can only refuse.
      summary:
        'Check DNS, certificates, Lync Autodiscover, AD FS metadata and server clocks of a SIP domain from the network, and report what breaks sign-in, with the fix. ' +
        (deps.settings.scope.domains.length > 0 ? `Domains: ${deps.settings.scope.domains.join(', ')}.` : 'Not set up here: an administrator lists the domains in PROBE_DOMAINS.'),
      role: 'agent',
      timeoutMs: deps.settings.totalTimeoutMs + COMMAND_MARGIN_MS,
      slow: true,
      positional: ['target'],
      args: z.object({ target: probeTargetArgument(deps.settings.scope) }),
      async handler({ target }, context) {
        const seen = await runProbe(target, deps.settings, {
          signal: context.signal,
          record: (action) => context.recordActions([action]),
          now,
        });
        return probeReply({ seen, findings: probeFindings(seen, now()), executionId: context.executionId, articleTitle: deps.articleTitle });
      },
    }),
  );
}
