import { passageFor, stepsAfter } from './passage';
import { bullets, card, heading, numbered, numberedItem, paragraph, sectionTitle, type SubmitAction } from '../cards/adaptive';
import type { Reply } from '../core/reply';
import { shownText, startPhrase } from '../core/user-text';
import type { Article } from './article';
import type { GlossaryEntry } from './glossary';
import type { SearchResult } from './search';
import { sourceLine } from './source-titles';
import { asksToRead, readCommandFor } from './read-commands';
import { quoted } from '../core/quoted';
import { shorten } from '../core/shorten';

/** Words on the buttons, shared with the router that understands them. */
export const PHRASES = {
  notHelpful: 'not helpful',
  helpful: 'helpful',
  person: 'talk to a person',
  /** What picks an article: its title (the interpreter knows every title); ids are never shown. */
  article: (article: Pick<Article, 'title'>) => article.title,
} as const;

/**
 * How a list of articles tells the user to pick one: by number, or (inside a guided flow, where
 * numbers answer the flow's question) by title.
 */
export function pickHint(count: number, numbered = true): string {
  if (!numbered) return count === 1 ? 'Type its title to read it.' : 'Type a title to read it.';
  return count === 1 ? 'Type 1 (or its title) to read it.' : `Type ${count === 2 ? '1 or 2' : `a number from 1 to ${count}`} (or a title) to read one.`;
}

/** A list line: numbered when numbers pick, a bullet otherwise. */
function listLine(index: number, text: string, numbered: boolean): string {
  return `${numbered ? `${index + 1}.` : '-'} ${text}`;
}

/** Whether a list of articles is numbered: not inside a guided flow, where a number answers the flow. */
export interface ListOptions {
  numbered?: boolean;
  /** The asker is helpdesk staff: "talk to a person" would hand them to themselves. */
  staff?: boolean;
  /** The asker is an administrator: "take it to the Lync administrators" would send them to themselves. */
  admin?: boolean;
}

/** What an answer needs to offer an article's guided flow: the flow's title (its id is never shown). */
export interface AnswerOptions {
  flowTitle?: (flowId: string) => string | undefined;
  /** The asker is an end user (not helpdesk staff, not a tool): an answer only administrators can act on says so first. */
  endUser?: boolean;
  /** The same article answered the message before: its gist, not the whole article word for word again (and no claim that it answers the follow-up). */
  repeated?: boolean;
  /** With `repeated`: the follow-up named another client ("what about on my iphone") that the article is written for too (its label). */
  sameFor?: string;
  /** With `sameFor`: the steps and notes of the article that name that client in particular ("The Windows Store app tries only…"). */
  sameForLines?: string | undefined;
  /** With `repeated`: the step or caveat the follow-up's own words point to, shown first. */
  passage?: string;
  /** With `repeated`: the article's steps after the one the follow-up reports done ("turned it on, what next"). */
  next?: string;
  /** A follow-up named a client (its label) the answer just given (its title) is not written for, and nothing answers for it. */
  /** `said`: what the answer does say for that client, in passing (a line of its steps), when it says anything. */
  notFor?: { client: string; after: string; said?: string | undefined };
  /** With `endUser`: the answer before this one was for administrators too, and said so in full. */
  afterAdminAnswer?: boolean;
}

/** Before the gist of the article just given, when a follow-up lands on it again. */
export const REPEATED_LEAD = 'My best match for that is still the answer I just gave:';

/** Before an administrators-only answer given to an end user: what it means for them, and who acts on it. */
export const FOR_ADMINS_LEAD = `This one is for the helpdesk and the Lync administrators, not something to change on your device: type "${PHRASES.person}" and they take it from here. The details, for them:`;

/** The same, right after an answer that said it in full: once is enough to know who acts on it. */
export const FOR_ADMINS_AGAIN_LEAD = 'Also one for the administrators; the details, for them:';

/**
 * "Can I fix that myself or do I need the admins?" about the answer just given: who acts on it, from
 * whom the article is written for. An end user is told whether the steps are theirs; staff whether the
 * helpdesk can do it or it takes a Lync administrator.
 */
export function whoFixesReply(article: Pick<Article, 'title' | 'audience' | 'answer' | 'steps'>, staff: boolean): Reply {
  const title = `**${article.title}**`;
  if (staff) {
    // (An article agents read may still end in a change they cannot make: a DNS record, a Set-Cs… cmdlet,
    // a user homed on a pool. The helpdesk role reads users and policies; it changes none of them.)
    const changes = SERVER_CHANGE.test([article.answer, ...article.steps].join(' '));
    const text = !article.audience.includes('agent')
      ? `It takes a Lync administrator: ${title} is written for administrators, not for the helpdesk.`
      : changes
        ? `Partly: the helpdesk can check what ${title} says to check and walk the user through their part, but the change itself takes a Lync administrator (the helpdesk role cannot change users, policies, servers or DNS).`
        : `The helpdesk can: ${title} is written for helpdesk agents${article.audience.includes('enduser') ? ', and its steps for users too' : ''}.`;
    return { text };
  }
  const text = article.audience.includes('enduser')
    ? `You can: the steps in ${title} are yours to follow. If they don't help, type "${PHRASES.person}" and the helpdesk takes it from there.`
    : `Not this one: ${title} is for the helpdesk and the Lync administrators, not something to change on your device yourself. Type "${PHRASES.person}" and they take it from here.`;
  return { text, suggestions: [PHRASES.person] };
}

/** A change to servers, DNS or a user's account, which only an administrator makes. */
const SERVER_CHANGE = /\b(?:set|new|grant|remove|enable|disable|install|invoke|move|revoke|import|update)-cs[a-z]{3,}|\b(?:set|new)-(?:authconfig|exchangecertificate|adfs[a-z]*)\b|\biisreset\b|\b(?:change|update|add|fix|create) (?:the |a |an )?(?:public |internal )?dns\b|\bdns (?:side|records?)\b|\b(?:a |the )?lync administrators? (?:has|have|must|needs?|should) to\b/i;

/** The best article as an answer: key fact first, then steps, caveats, the source and related articles. */
export function answerReply(article: Article, related: Article[] = [], lead?: string, options: AnswerOptions = {}): Reply {
  if (options.repeated) return repeatedReply(article, lead, options);
  const suggestions = related.slice(0, 2);
  const source = sourceLine(article);
  const text = [
    lead ?? '',
    `**${article.title}**`,
    article.answer,
    article.steps.length > 0 ? `Steps:\n${article.steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}` : '',
    article.caveats.length > 0 ? `Good to know:\n${article.caveats.map((c) => `- ${c}`).join('\n')}` : '',
    source,
    suggestions.length > 0 ? `Related (ask me about any of them): ${suggestions.map((s) => s.title).join('; ')}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');

  const actions: SubmitAction[] = [
    { title: 'Helpful', says: PHRASES.helpful, data: { action: 'feedback', helpful: true, articleId: article.id } },
    { title: 'Not helpful', says: PHRASES.notHelpful, data: { action: 'feedback', helpful: false, articleId: article.id } },
    { title: 'Talk to a person', says: PHRASES.person, data: { action: 'handoff' } },
    ...suggestions.map((s) => ({ title: truncate(s.title, 40), says: PHRASES.article(s), data: { action: 'article', articleId: s.id } })),
  ];
  // The button says what a user would type ("start collect logs"): Web Chat shows it as their message.
  const flowTitle = article.flow ? options.flowTitle?.(article.flow) : undefined;
  if (article.flow && flowTitle) actions.push({ title: 'Walk me through it', says: startPhrase({ title: flowTitle }), data: { action: 'flow', flow: article.flow } });

  const body = [
    ...(lead ? [paragraph(lead)] : []),
    heading(article.title),
    paragraph(article.answer),
    ...(article.steps.length > 0 ? [sectionTitle('Steps'), ...numbered(article.steps)] : []),
    ...(article.caveats.length > 0 ? [sectionTitle('Good to know'), ...bullets(article.caveats)] : []),
    paragraph(source, { subtle: true, small: true, separator: true }),
  ];
  return { text, summary: [lead, `**${article.title}**`, article.answer].filter(Boolean).join('\n\n'), card: card(body, actions.slice(0, 6)) };
}

/** The article just given, again: its key fact only, with the way to the whole of it and to a person. */
function repeatedReply(article: Article, lead: string | undefined, options: Pick<AnswerOptions, 'sameFor' | 'sameForLines' | 'passage' | 'next'>): Reply {
  const { sameFor, sameForLines } = options;
  const passage = sameFor ? undefined : options.passage;
  const next = sameFor ? undefined : options.next;
  // ("and the store app?" after the discovery answer: its line on the Store app, which tries fewer records, first.)
  const said = sameFor
    ? sameForLines
      ? `The answer I just gave is for ${sameFor} too. What it says about ${sameFor} in particular:\n\n${sameForLines}\n\nIt comes from:`
      : `The answer I just gave is for ${sameFor} too:`
    : next
      ? `Next, from the answer I just gave:\n\n${next}\n\nIt comes from:`
      : passage
        ? `The answer I just gave says this about it:\n\n${passage}\n\nIt comes from:`
        : REPEATED_LEAD;
  const intro = [lead, said].filter(Boolean).join('\n\n');
  const text = [intro, `**${article.title}**`, article.answer, `If that doesn't answer it, type "${PHRASES.person}".`].join('\n\n');
  const actions: SubmitAction[] = [
    { title: 'Helpful', says: PHRASES.helpful, data: { action: 'feedback', helpful: true, articleId: article.id } },
    { title: 'Not helpful', says: PHRASES.notHelpful, data: { action: 'feedback', helpful: false, articleId: article.id } },
    { title: 'Show all of it', says: PHRASES.article(article), data: { action: 'article', articleId: article.id } },
    { title: 'Talk to a person', says: PHRASES.person, data: { action: 'handoff' } },
  ];
  return { text, summary: [intro, `**${article.title}**`, article.answer].join('\n\n'), card: card([paragraph(intro), heading(article.title), paragraph(article.answer)], actions) };
}

/**
 * A reply that answers nothing and says why, in a card with what was said, for end users with the
 * button that hands the question to a person, for staff with "help".
 */
function noAnswerReply(title: string, text: string, question: string, options: { staff: boolean; said?: string; suggestions?: string[] }): Reply {
  const shown = paragraph(`${options.said ?? 'You asked'}: "${shownText(question, 200)}"`, { subtle: true, small: true });
  if (options.staff) return { text, card: card([heading(title), paragraph(text), shown]), suggestions: ['help'] };
  return {
    text,
    card: card([heading(title), paragraph(text), shown], [{ title: 'Talk to a person', says: PHRASES.person, data: { action: 'handoff', question: truncate(question, 500) } }]),
    suggestions: options.suggestions ?? [PHRASES.person],
  };
}

/** An honest "I don't know" with the way to a person; never an unrelated article. */
export function declineReply(question: string, staff = false, admin = false): Reply {
  const text = admin
    ? "I don't know the answer to that: it isn't in my knowledge base, and I'd rather not guess. " +
      'Rephrase it with the cmdlet, the setting or the exact message it is about, or type "help" for what you may run here; beyond that, the cmdlet help on your servers.'
    : staff
    ? "I don't know the answer to that: it isn't in my knowledge base, and I'd rather not guess. " +
      'Rephrase it with the client and the exact message the user sees, type "help" for what you may run here, or take it to the Lync administrators.'
    : "I don't know the answer to that: it isn't in my knowledge base, and I'd rather not guess. " +
      `Type "${PHRASES.person}" and I'll pass your question to the helpdesk, or rephrase it with the client you use ` +
      '(desktop, Windows Store app, iPhone/iPad, Android, Windows Phone, Mac, Lync Web App) and what you see.';
  return noAnswerReply("I don't know that one", text, question, { staff, suggestions: [PHRASES.person, 'help'] });
}

/**
 * Someone else's card or account, or locking another person out: declined like anything the knowledge
 * base does not cover, but with the reason, so nobody takes it for a gap that rephrasing would fill.
 */
export function anotherPersonReply(question: string, staff = false): Reply {
  const why = "a smart card, its PIN and a Lync account belong to one person, and I don't help anyone sign in as, get into or lock out someone else";
  const text = staff
    ? `I won't help with that: ${why}. Help the owner of the card or account directly, or take it to the Lync administrators.`
    : `I can't help with that: ${why}. If the other person has a problem, they can ask me themselves; if you need access to something of theirs, type "${PHRASES.person}" and the helpdesk will see what is allowed.`;
  return noAnswerReply('Not for another person', text, question, { staff });
}

/** The answer just given did not help, and nothing else fits: not the same answer again, a person instead. */
export function ruledOutReply(question: string, title: string | undefined): Reply {
  const text =
    `So ${title ? quoted(title) : 'that'} didn't solve it, and I have nothing else that fits, so I won't repeat it. ` +
    `Type "${PHRASES.person}" and the helpdesk takes over with everything you told me.`;
  return noAnswerReply("That didn't solve it", text, question, { staff: false, said: 'You said' });
}

/** A message longer than the search reads: say so plainly rather than answer part of it. */
export function tooLongReply(limit: number): Reply {
  const text =
    `That message is too long for me to search: I read questions of up to ${limit} characters. ` +
    'Please ask in a sentence or two (for example the client you use and the error you see), ' +
    `or type "${PHRASES.person}" and I'll pass it to the helpdesk.`;
  return { text, suggestions: [PHRASES.person, 'help'] };
}

/** "What about on my Android phone?" after an answer for another client, with nothing written for that one. */
export function notForClientReply({ client, after, said }: { client: string; after: string; said?: string | undefined }, staff = false): Reply {
  const person = staff ? '' : ` Type "${PHRASES.person}" and the helpdesk takes it from there.`;
  // "what about on my mac?" after the saved sign-in answer, whose last step names the Mac's caches: that line.
  if (said) return { text: `The answer I just gave, **${after}**, is not written for ${client}. It names ${client} only here:\n\n${said}${person ? `\n\n${person.trim()}` : ''}`, suggestions: staff ? ['help'] : [PHRASES.person, 'help'] };
  return { text: `The answer I just gave, **${after}**, is not written for ${client}, and I have nothing on it for ${client}: I'd rather not guess.${person}`, suggestions: staff ? ['help'] : [PHRASES.person, 'help'] };
}

/** Answer or decline from a search result, with related articles from the article and the runner-up hits. */
export function replyForSearch(question: string, result: SearchResult, byId: (id: string) => Article | undefined, options: ListOptions & AnswerOptions = {}): Reply {
  const list = { numbered: options.numbered ?? true };
  const best = result.hits[0];
  if (result.definition) return definitionReply(result.definition, best?.article, options);
  if (!result.answered && result.ambiguousWord) return whichOneReply(result.ambiguousWord, result.hits.map((hit) => hit.article), list);
  if (!result.answered && result.suggested && result.suggested.length > 0) {
    const ruledOut = result.ruledOut ? byId(result.ruledOut)?.title : undefined;
    return whichOfTheseReply(question, result.suggested.map((hit) => hit.article), { ...list, ...(ruledOut ? { instead: ruledOut } : {}) });
  }
  if (!result.answered && result.ruledOut) return ruledOutReply(question, byId(result.ruledOut)?.title);
  if (!result.answered && options.notFor) return notForClientReply(options.notFor, options.staff);
  if (!result.answered && result.anotherPerson) return anotherPersonReply(question, options.staff);
  if (!result.answered || !best) return declineReply(question, options.staff, options.admin);
  const related = [
    ...best.article.related.map(byId).filter((a): a is Article => Boolean(a)),
    ...result.hits.slice(1).filter((hit) => hit.confidence >= 0.3).map((hit) => hit.article),
  ].filter((article, index, all) => article.id !== best.article.id && all.findIndex((a) => a.id === article.id) === index);
  const forAdmins = options.endUser && !best.article.audience.includes('enduser');
  const lead = forAdmins ? (options.afterAdminAnswer ? FOR_ADMINS_AGAIN_LEAD : FOR_ADMINS_LEAD) : options.repeated ? undefined : readLead(best.article, question);
  // A follow-up that lands on the same article: the part of it that the follow-up asks about, first.
  const next = options.repeated ? stepsAfter(best.article, question) : undefined;
  const passage = options.repeated && !next ? passageFor(best.article, question) : undefined;
  return answerReply(best.article, related, lead, { ...options, ...(passage ? { passage } : {}), ...(next ? { next } : {}) });
}

/** Asked how to see a setting, answered by the article that changes it: the read first, and which command writes. */
function readLead(article: Article, question: string): string | undefined {
  if (!asksToRead(question)) return undefined;
  const read = readCommandFor([article.answer, ...article.keyFacts, ...article.steps], question);
  return read ? `To see the current values without changing anything: \`${read.command}\`. The answer below uses \`${read.write}\`, which changes them.` : undefined;
}

/** What an abbreviation stands for (or what a tool is), then the article that explains the thing (when there is one). */
export function definitionReply(entry: GlossaryEntry, article: Article | undefined, options: AnswerOptions = {}): Reply {
  const lead = entry.standsFor ? `**${entry.term}** stands for **${entry.standsFor}**. ${entry.means}` : `**${entry.term}**: ${entry.means}`;
  if (!article) return { text: lead };
  // "I don't know what nslookup is", asked about the answer just given: the word, not that answer again.
  if (options.repeated) return { text: `${lead}\n\nIt comes up in the answer I just gave (**${article.title}**).` };
  return answerReply(article, [], `${lead}\n\nMore in this article:`, options);
}

/** A lone word several articles share: offer them, and ask for a little more. */
export function whichOneReply(word: string, articles: Article[], { numbered = true }: ListOptions = {}): Reply {
  const offered = articles.slice(0, 3);
  const text = [
    `Several articles mention "${word}". Which one do you mean? Or tell me a little more (which client, what you see).`,
    ...offered.map((article, index) => listLine(index, article.title, numbered)),
    pickHint(offered.length, numbered),
  ].join('\n');
  return {
    text,
    ...(numbered ? { listed: offered.map((article) => article.id) } : {}),
    card: card(
      [heading(`Which "${word}"?`), paragraph('Several articles mention it. Pick one, or tell me a little more: which client, and what you see.')],
      [
        ...offered.map((article) => ({ title: truncate(article.title, 40), says: PHRASES.article(article), data: { action: 'article', articleId: article.id } })),
        { title: 'Talk to a person', says: PHRASES.person, data: { action: 'handoff' } },
      ],
    ),
  };
}

/**
 * No article is a sure answer, but a few are close: each with the gist of its answer, so the user
 * can tell which fits (or that none does) without another round trip.
 */
/** `instead`: the title of an article the user has just ruled out ("already checked dns"): the list is what else may fit. */
export function whichOfTheseReply(question: string, articles: Article[], { numbered = true, instead }: ListOptions & { instead?: string } = {}): Reply {
  const offered = articles.slice(0, 3);
  const intro = instead
    ? `That rules out **${instead}**. ${offered.length === 1 ? 'This may fit instead:' : 'These may fit instead:'}`
    : offered.length === 1 ? "I'm not sure this is what you're asking about:" : "I'm not sure which of these you're asking about:";
  // One candidate: its whole answer (the key fact and what to do), so a right guess needs no second round trip.
  const summary = (article: Article) => (offered.length === 1 ? article.answer : gist(article.answer));
  const text = [
    intro,
    ...offered.map((article, index) => listLine(index, `**${article.title}**: ${summary(article)}`, numbered)),
    `${pickHint(offered.length, numbered)} If none fits, tell me a little more (which client, what you see), or type "${PHRASES.person}".`,
  ].join('\n');
  return {
    text,
    ...(numbered ? { listed: offered.map((article) => article.id) } : {}),
    summary: [intro, ...offered.map((article, index) => listLine(index, article.title, numbered))].join('\n'),
    card: card(
      [
        heading(offered.length === 1 ? 'Is this it?' : 'Which of these?'),
        ...offered.flatMap((article, index) => [paragraph(numbered && offered.length > 1 ? numberedItem(index + 1, `**${article.title}**`) : `**${article.title}**`), paragraph(summary(article), { subtle: true })]),
        paragraph(`You asked: "${shownText(question, 200)}"`, { subtle: true, small: true, separator: true }),
      ],
      [
        ...offered.map((article) => ({ title: truncate(article.title, 40), says: PHRASES.article(article), data: { action: 'article', articleId: article.id } })),
        { title: 'Talk to a person', says: PHRASES.person, data: { action: 'handoff', question: truncate(question, 500) } },
      ],
    ),
  };
}

/** The first sentence or two of an answer, short enough to sit in a list. */
export function gist(answer: string, length = 280): string {
  const sentences = answer.trim().split(/(?<=[.!?])\s+(?=[A-Z0-9`"'(])/);
  let text = sentences[0] ?? '';
  const second = sentences[1];
  if (second && text.length + second.length < length) text = `${text} ${second}`;
  return truncate(text, length);
}

function truncate(text: string, length: number): string {
  return shorten(text, length);
}
