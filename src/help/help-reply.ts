import { card, heading, paragraph, sectionTitle } from '../cards/adaptive';
import type { Role } from '../core/caller';
import type { HelpLine } from '../core/ports';
import type { Reply } from '../core/reply';
import { escapeMarkdown } from '../core/user-text';

/** What everyone can type, whatever their role. */
export const EVERYONE: HelpLine[] = [
  { usage: 'any question', summary: 'e.g. "Store app won\'t sign in, the clock is wrong": I answer from the knowledge base' },
  { usage: 'talk to a person', summary: 'hand the conversation to the helpdesk with everything so far' },
  { usage: 'help', summary: 'this list' },
];

/** The help message: general abilities plus only the commands this caller's role may run. */
export function helpReply(role: Role, sections: Array<{ title: string; lines: HelpLine[] }>): Reply {
  const all = [{ title: 'Ask me', lines: EVERYONE }, ...sections.filter((section) => section.lines.length > 0)];
  const text = [
    `I help with Lync Server 2013 / Skype for Business sign-in problems. Your role: ${role}.`,
    ...all.map((section) => `${section.title}:\n${section.lines.map((line) => `- ${line.usage} — ${line.summary}`).join('\n')}`),
  ].join('\n\n');
  const body = [
    heading('What I can do'),
    paragraph(`Your role: **${role}**. Only what you may run is listed.`, { subtle: true }),
    ...all.flatMap((section) => [
      sectionTitle(section.title),
      ...section.lines.map((line) => paragraph(`**${line.usage}** — ${line.summary}`)),
    ]),
  ];
  return { text, card: card(body) };
}

/** Help on the commands a few words named ("help schedule"): their usage, nothing else. */
export function commandHelpReply(asked: string, lines: HelpLine[]): Reply {
  const title = lines.length === 1 ? 'How to run it' : `The "${escapeMarkdown(asked)}" commands you may run`;
  const text = [`${title}:`, ...lines.map((line) => `- ${line.usage} — ${line.summary}`), '', 'Type "help" for everything I can do.'].join('\n');
  const body = [heading(title), ...lines.map((line) => paragraph(`**${line.usage}** — ${line.summary}`)), paragraph('Type "help" for everything I can do.', { subtle: true })];
  return { text, card: card(body), suggestions: ['help'] };
}

/** A command the caller's role may not run, asked about: who may, and how to get the role. */
export function notYoursReply(asked: string, role: Role, needed: Role | undefined): Reply {
  const who = needed === 'agent' ? 'helpdesk agents and administrators' : 'administrators';
  return {
    text:
      `"${escapeMarkdown(asked)}" is for ${who}; your role here is ${role}. Type "help" for what you may run, ` +
      'or "whoami" for the id an administrator adds to HELPDESK_AGENTS or HELPDESK_ADMINS.',
    suggestions: ['help', 'whoami'],
  };
}

export function welcomeReply(): Reply {
  const text =
    "Hi! I'm the Lync helpdesk bot. Ask me about a sign-in problem in your own words (say which client: " +
    'desktop, Windows Store app, iPhone/iPad, Android, Windows Phone, Mac or Lync Web App), or type "help" to see what I can do.';
  return { text, suggestions: ['help', 'Store app says the clock is wrong', 'where are the Lync app logs'] };
}
