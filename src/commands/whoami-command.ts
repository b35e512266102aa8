import { z } from 'zod';
import { textReply } from '../core/reply';
import { clip, escapeMarkdown, withoutBackticks } from '../core/user-text';
import { defineCommand, type CommandDefinition } from './command';

/**
 * `whoami`: the caller's ids and role as the bot sees them, for administrators putting people into
 * HELPDESK_ADMINS / HELPDESK_AGENTS (any role may run it; it shows only the caller's own ids).
 */
export function whoamiCommand(): CommandDefinition<Record<string, never>> {
  return defineCommand({
    name: 'whoami',
    aliases: ['who am i'],
    usage: 'whoami',
    summary: 'Show your user id and role, for setting up HELPDESK_ADMINS and HELPDESK_AGENTS.',
    role: 'user',
    timeoutMs: 5_000,
    slow: false,
    positional: [],
    args: z.object({}).strict() as z.ZodType<Record<string, never>>,
    async handler(_args, { caller, role }) {
      // In a code span Markdown is inert (and a backslash would show): one line, no backticks, nothing more.
      const shown = (value: string) => `\`${withoutBackticks(clip(value, 200).replace(/\s+/g, ' '))}\``;
      const lines = [
        '**Who you are to the bot**',
        `- User id: ${shown(caller.id)}`,
        ...(caller.aadObjectId ? [`- Azure AD object id: ${shown(caller.aadObjectId)} (use this one in role lists)`] : []),
        ...(caller.name ? [`- Name: ${escapeMarkdown(clip(caller.name, 100))}`] : []),
        `- Channel: ${escapeMarkdown(clip(caller.channelId, 50))}`,
        `- Role: **${role}**`,
        '',
        role === 'user'
          ? 'An administrator can give you a role by adding your id to HELPDESK_AGENTS or HELPDESK_ADMINS. Only ids Teams vouches for get a role when the bot runs with authentication.'
          : `Your id is in ${role === 'admin' ? 'HELPDESK_ADMINS' : 'HELPDESK_AGENTS'}.`,
      ];
      return textReply(lines.join('\n'));
    },
  });
}
