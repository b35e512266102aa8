import { z } from 'zod';
import { textReply, type Reply } from '../../core/reply';
import { poolFqdn, userIdentity } from '../../commands/argument-schemas';
import { defineCommand, type CommandContext } from '../../commands/command';
import type { CommandRegistry } from '../../commands/command-registry';
import type { AutodiscoverLookup } from '../lync/autodiscover-lookup';
import { shownText } from '../../core/user-text';
import type { CardAction } from './check-cards';
import { checkReply, settingsReply } from './check-replies';
import { describeMode, type ChecksMode } from '../powershell/checks-mode';
import { diagnose } from '../diagnosis/diagnose';
import {
  resolvePoolCheckSettings,
  resolvePoolSettings,
  resolveUserSettings,
  sipDomain,
  type DiscoveryTarget,
  type EffectiveSettings,
} from '../lync/effective-settings';
import { ChecksUnavailableError } from '../powershell/errors';
import { readSnapshot, type LyncSnapshot } from '../lync/lync-reader';
import type { PowerShellRunner } from '../powershell/powershell-runner';
import { formatSeconds } from '../powershell/powershell-process';
import { describeSettings } from '../diagnosis/settings-summary';
import type { CsUser } from '../lync/cmdlet-schemas';
import type { PwshProbe } from '../powershell/pwsh-probe';

interface CheckCommandsDeps {
  mode: ChecksMode;
  /** Absent when checks are off. */
  runner?: PowerShellRunner;
  discovery: AutodiscoverLookup;
  /** Time limit of a whole check command (queue wait, pwsh start and the call). */
  commandTimeoutMs: number;
  /** When checks are off: looks for pwsh anyway, so the status tells whether switching them on would work. */
  probeWhenOff?: () => Promise<PwshProbe>;
  /** Article titles by id, for the article each finding says to read. */
  articleTitle?: (id: string) => string | undefined;
}

function requireRunner(deps: CheckCommandsDeps): PowerShellRunner {
  if (!deps.runner) {
    throw new ChecksUnavailableError(
      'PowerShell checks are switched off (LYNC_CHECKS=off). Set LYNC_CHECKS=lab to try them on the lab data, or local/remote to read a real pool.',
    );
  }
  return deps.runner;
}

async function read(deps: CheckCommandsDeps, user: string | undefined, context: CommandContext): Promise<LyncSnapshot> {
  return readSnapshot(requireRunner(deps), user, {
    signal: context.signal,
    onCalls: (calls) => context.recordActions(calls),
  });
}

async function findDiscovery(deps: CheckCommandsDeps, domain: string | undefined, snapshot: LyncSnapshot): Promise<DiscoveryTarget | undefined> {
  if (!domain) return undefined;
  try {
    return await deps.discovery.find(domain, snapshot.webServers);
  } catch (error) {
    return { name: `lyncdiscoverinternal.${domain}`, via: 'lookup', failure: error instanceof Error ? error.message : String(error) };
  }
}

function notFoundReply(identity: string, message: string): Reply {
  return textReply(
    `**Not found:** no Lync user matches ${shownText(identity, 120)} (${shownText(message.replace(/\.$/, ''), 200)}). Check the spelling, or give the SIP address (sip:name@domain) if it differs from the UPN.`,
  );
}

function userSummary(settings: EffectiveSettings, executionId: string): string {
  const user = settings.user;
  const pool = settings.pool;
  const where = pool ? `pool ${pool.poolFqdn}${pool.siteName ? `, site ${pool.siteName}` : ''}` : 'no registrar pool';
  return `${user?.DisplayName ?? user?.Identity ?? ''} · ${where} · execution ${executionId}`;
}

function userActions(user: CsUser, identity: string): CardAction[] {
  return [
    { title: 'Show policies', command: `show policies ${identity}` },
    ...(user.RegistrarPool ? [{ title: 'Check pool', command: `check pool ${user.RegistrarPool}` }] : []),
    { title: 'Check again', command: `check user ${identity}` },
  ];
}

async function userSettings(deps: CheckCommandsDeps, identity: string, context: CommandContext) {
  const snapshot = await read(deps, identity, context);
  if (!snapshot.user?.found) return { notFound: notFoundReply(identity, snapshot.user?.message ?? 'no answer') } as const;
  const user = snapshot.user.user;
  const discovery = await findDiscovery(deps, sipDomain(user), snapshot);
  return { user, settings: resolveUserSettings(snapshot, user, discovery) } as const;
}

const userArgs = z.object({ user: userIdentity });
const poolArgs = z.object({ pool: poolFqdn });

/** Registers check user, show policies, check pool and checks status. */
export function registerCheckCommands(registry: CommandRegistry, deps: CheckCommandsDeps): void {
  /**
   * Every check reads the topology: admins only, acknowledged at once, with the checks' time limit.
   * With checks off nothing is slow: the reply that says so comes at once, not "the result follows".
   */
  const adminCheck = { role: 'admin', timeoutMs: deps.commandTimeoutMs, slow: Boolean(deps.runner), readsLync: true } as const;

  /** The commands that read one user's settings share everything but their name and their reply. */
  const userCommand = (spec: {
    name: string;
    aliases: string[];
    usage: string;
    summary: string;
    reply: (user: CsUser, settings: EffectiveSettings, identity: string, executionId: string) => Reply;
  }) =>
    defineCommand({
      name: spec.name,
      aliases: spec.aliases,
      usage: spec.usage,
      summary: spec.summary,
      ...adminCheck,
      positional: ['user'],
      args: userArgs,
      async handler({ user: identity }, context) {
        const found = await userSettings(deps, identity, context);
        if (found.notFound) return found.notFound;
        return spec.reply(found.user, found.settings, identity, context.executionId);
      },
    });

  const checkUser = userCommand({
    name: 'check user',
    aliases: ['diagnose user'],
    usage: 'check user <sip address or UPN>',
    summary: "Read a user's pool and effective policies with read-only PowerShell and report what blocks sign-in, with the fix.",
    reply: (user, settings, identity, executionId) =>
      checkReply({
        subject: user.SipAddress ?? identity,
        summary: userSummary(settings, executionId),
        diagnosis: diagnose(settings),
        settings: describeSettings(settings),
        actions: userActions(user, identity),
        ...(deps.articleTitle ? { articleTitle: deps.articleTitle } : {}),
      }),
  });

  const showPolicies = userCommand({
    name: 'show policies',
    aliases: ['show policy'],
    usage: 'show policies <sip address or UPN>',
    summary: 'Show the effective policies and configurations for a user and where each one comes from.',
    reply: (user, settings, identity, executionId) =>
      settingsReply(user.SipAddress ?? identity, userSummary(settings, executionId), describeSettings(settings), [
        { title: 'Check user', command: `check user ${identity}` },
        ...(user.RegistrarPool ? [{ title: 'Check pool', command: `check pool ${user.RegistrarPool}` }] : []),
      ]),
  });

  const checkPool = defineCommand({
    name: 'check pool',
    aliases: ['diagnose pool'],
    usage: 'check pool <pool FQDN>',
    summary: "Check a registrar pool's authentication settings (passive auth, proxy, Autodiscover pool, Kerberos).",
    ...adminCheck,
    positional: ['pool'],
    args: poolArgs,
    async handler({ pool: fqdn }, context) {
      const snapshot = await read(deps, undefined, context);
      const pool = resolvePoolSettings(snapshot, fqdn);
      if (!pool) {
        const known = snapshot.registrars.map((service) => service.PoolFqdn).join(', ') || 'none';
        return textReply(`**Not found:** no registrar pool ${fqdn} in the topology. Registrar pools: ${known}.`);
      }
      const realm = snapshot.oauthConfigurations.find((config) => config.Identity.toLowerCase() === 'global')?.Realm;
      const domain = realm ?? pool.poolFqdn.split('.').slice(1).join('.');
      const settings = resolvePoolCheckSettings(snapshot, pool, await findDiscovery(deps, domain || undefined, snapshot));
      return checkReply({
        subject: pool.poolFqdn,
        summary: `registrar pool${pool.siteName ? ` · site ${pool.siteName}` : ''} · execution ${context.executionId}`,
        diagnosis: diagnose(settings),
        settings: describeSettings(settings),
        actions: [{ title: 'Check again', command: `check pool ${pool.poolFqdn}` }],
        ...(deps.articleTitle ? { articleTitle: deps.articleTitle } : {}),
      });
    },
  });

  const status = defineCommand({
    name: 'checks status',
    aliases: [],
    usage: 'checks status',
    summary: 'Show whether the PowerShell checks can run: mode, pwsh, session state and queue.',
    role: 'agent',
    timeoutMs: 30_000,
    slow: false,
    positional: [],
    args: z.object({}),
    async handler() {
      return textReply(await statusText(deps));
    },
  });

  registry.register(checkUser);
  registry.register(showPolicies);
  registry.register(checkPool);
  registry.register(status);
}

async function statusText(deps: CheckCommandsDeps): Promise<string> {
  const lines = [`**PowerShell checks status**`, `- Mode: ${describeMode(deps.mode)}`];
  const describeProbe = (probe: PwshProbe, pwshPath: string) =>
    probe.available ? `- pwsh: available, PowerShell ${probe.version} ('${pwshPath}')` : `- pwsh: not available: ${probe.reason}`;
  const runner = deps.runner;
  if (!runner) {
    if (deps.probeWhenOff) lines.push(`${describeProbe(await deps.probeWhenOff(), 'pwsh')} — not used while checks are off`);
    return lines.join('\n');
  }
  const probe = await runner.probe();
  const state = runner.status();
  lines.push(describeProbe(probe, state.pwshPath));
  const detail = state.sessionDetail;
  lines.push(
    `- Session: ${state.session}${
      detail && state.session === 'ready'
        ? ` (PowerShell ${detail.psVersion} ${detail.psEdition}, language mode ${detail.languageMode}, ${detail.visibleCommands.length} allowlisted cmdlets visible and nothing else)`
        : state.session === 'not started'
          ? ' (it starts with the first check)'
          : ''
    }; restarts: ${state.restarts}`,
    `- Queue: ${state.queueLength} waiting (at most ${state.maxQueue}); a check is running: ${state.running ? 'yes' : 'no'}`,
    `- Time limit per PowerShell call: ${formatSeconds(state.callTimeoutMs)}`,
  );
  if (state.lastError) lines.push(`- Last problem: ${state.lastError}`);
  return lines.join('\n');
}
