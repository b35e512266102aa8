import { ActivityEventNames, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../../observability/logger';
import { turnLogger } from '../context/turn-logger';

/** The Microsoft 365 tenant an activity comes from (Teams sends it in channelData and on the conversation). */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: unknown } };
  const fromChannelData = typeof channelData.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  return fromChannelData ?? activity.conversation?.tenantId ?? undefined;
}

/** Events the adapter makes up for the bot's own proactive turns; they come from no tenant. */
const OWN_EVENTS = new Set<string>([ActivityEventNames.ContinueConversation, ActivityEventNames.CreateConversation]);

/**
 * Drops traffic from tenants not on ALLOWED_TENANTS before the bot sees it: no reply, no state written,
 * one log line. An empty list allows every tenant. A Teams activity that names no tenant is dropped
 * too; activities from channels without tenants (Emulator, web chat, Direct Line) pass, because who may
 * use those is decided by which channels are switched on for the Azure Bot resource.
 */
export function tenantAllowlist(allowed: readonly string[], logger: Logger): Middleware {
  const allowedSet = new Set(allowed.map((tenant) => tenant.toLowerCase()));
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (allowedSet.size === 0) return next();
      const { activity } = context;
      if (activity.type === 'event' && OWN_EVENTS.has(activity.name ?? '')) return next();
      const tenant = tenantOf(activity);
      if (tenant ? allowedSet.has(tenant.toLowerCase()) : activity.channelId !== 'msteams') return next();
      turnLogger(context, logger).warn('activity dropped: tenant not on ALLOWED_TENANTS', {
        tenantId: tenant ?? null,
        channelId: activity.channelId,
        activityType: activity.type,
        activityName: activity.name,
      });
    },
  };
}
