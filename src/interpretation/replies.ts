import { card, heading, numbered, paragraph, type SubmitAction } from '../cards/adaptive';
import type { Reply } from '../core/reply';
import { startPhrase } from '../core/user-text';
import type { FlowDefinition } from '../flows/schema';
import type { Article } from '../knowledge/article';
import { gist, PHRASES, pickHint } from '../knowledge/answer';
import type { Slots } from '../language/slots';
import { quoted } from '../core/quoted';
import { shorten } from '../core/shorten';

/** Replies that only the interpretation step asks for: a step answered directly, and the sign-in offer. */

/**
 * What the "continue from this step" button sends; interpret() reads it back against the step the
 * conversation was last offered (the button's value names the step too).
 */
export const CONTINUE_HERE = 'continue from this step';

/** One step of a procedure as the answer, with the offer to go through the guided steps from there. */
export function stepAnswerReply(flow: FlowDefinition, stepId: string, context: { staff: boolean; articleTitle?: (id: string) => string | undefined; inThisFlow?: boolean }): Reply {
  const step = flow.steps[stepId]!;
  // (Asked while going through this very flow: the user is in it already, and is told so, not offered it.)
  const offer = context.inThisFlow
    ? `This step is part of "${flow.title}", which you are going through. Choose **Continue from this step** to go to it now; otherwise carry on where you are.`
    : `This is one step of the guided "${flow.title}". Carry on with the guided steps from here, or start them from the beginning.`;
  // Articles by title only: typing a title reads it (ids are never shown).
  const refs = step.articles.map((id) => context.articleTitle?.(id)).filter((title): title is string => Boolean(title));
  const text = [
    `**${flow.title} — ${step.title}**`,
    step.say ?? '',
    step.do && step.do.length > 0 ? step.do.map((item, index) => `${index + 1}. ${item}`).join('\n') : '',
    step.stuckHelp ? `If it doesn't work: ${step.stuckHelp}` : '',
    refs.length > 0 ? `More (type a title to read it): ${refs.join('; ')}` : '',
    offer,
  ]
    .filter(Boolean)
    .join('\n\n');
  const actions: SubmitAction[] = [
    { title: 'Continue from this step', says: CONTINUE_HERE, data: { action: 'flow-start', flow: flow.id, step: stepId } },
    { title: 'Start from the beginning', says: startPhrase(flow), data: { action: 'flow-start', flow: flow.id } },
    { title: 'Talk to a person', says: PHRASES.person, data: { action: 'handoff' } },
  ];
  const body = [
    paragraph(flow.title, { subtle: true, small: true }),
    heading(step.title),
    ...(step.say ? [paragraph(step.say)] : []),
    ...(step.do && step.do.length > 0 ? numbered(step.do) : []),
    ...(step.stuckHelp ? [paragraph(`If it doesn't work: ${step.stuckHelp}`, { subtle: true })] : []),
    paragraph(offer, { separator: true }),
  ];
  return { text, summary: `**${step.title}**\n\n${step.say ?? ''}`.trim(), card: card(body, actions), suggestions: [CONTINUE_HERE, startPhrase(flow)] };
}

/**
 * "Lync won't sign in" with nothing distinctive: no single cause is stated as fact. The troubleshooter
 * is offered (it will use what the user already said) with the two or three likeliest causes.
 */
/** An end user is told what a cause for administrators means for them, not the server commands that fix it. */
const FOR_ADMINS = 'a server setting your Lync administrators check; the troubleshooter tells you when to hand it to them.';

export function troubleshootReply(flow: FlowDefinition, slots: Slots, causes: Article[], ruledOut?: Article, { staff = true }: { staff?: boolean } = {}): Reply {
  const known = Object.values(slots).filter((slot) => slot !== undefined);
  const client = slots.client ? ` with ${slots.client.concept.name}` : '';
  // ("keeps asking for my password" gives the method too: the words of one slot inside another's are said once.)
  const named = known.filter((slot) => !known.some((other) => other !== slot && other.said.length > slot.said.length && ` ${other.said} `.includes(` ${slot.said} `)));
  const told = named.length > 0 ? ` I'll use what you already told me (${named.map((slot) => slot.concept.name).join(', ')}).` : '';
  const intro = ruledOut
    ? `So ${quoted(ruledOut.title)} isn't it. The guided troubleshooter checks the other causes one by one.${told}`
    : `Sign-in${client} can fail for several reasons, so I won't guess. The guided troubleshooter finds yours in a few short questions.${told}`;
  // Each cause with the gist of its fix: often that alone is the answer ("run w32tm /resync").
  const shown = causes.slice(0, 3);
  const fix = (article: Article) => (staff || article.audience.includes('enduser') ? gist(article.answer, 200) : FOR_ADMINS);
  const listed = shown.map((article, index) => `${index + 1}. **${article.title}**: ${fix(article)}`);
  const text = [
    intro,
    listed.length > 0 ? `${ruledOut ? 'Other common causes' : 'The most common causes'}${client}:\n${listed.join('\n')}\n${pickHint(shown.length)}` : '',
    `Type **${startPhrase(flow)}** to begin.`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const actions: SubmitAction[] = [
    { title: 'Walk me through it', says: startPhrase(flow), data: { action: 'flow-start', flow: flow.id } },
    ...causes.slice(0, 3).map((article) => ({ title: shorten(article.title, 40), says: PHRASES.article(article), data: { action: 'article', articleId: article.id } })),
    { title: 'Talk to a person', says: PHRASES.person, data: { action: 'handoff' } },
  ];
  return {
    text,
    card: card([heading('Let\'s find out why'), paragraph(intro), ...(listed.length > 0 ? [paragraph(`${ruledOut ? 'Other common causes' : 'The most common causes'}${client}:`), ...numbered(shown.map((article) => `**${article.title}**: ${fix(article)}`))] : [])], actions),
    suggestions: [startPhrase(flow), PHRASES.person],
    ...(shown.length > 0 ? { listed: shown.map((article) => article.id) } : {}),
  };
}

/** How many of an article's related articles "what next" lists. */
const NEXT_SHOWN = 3;

/**
 * "done", "what next" after an article's steps, with no flow running: ask whether it worked, and list
 * what usually comes next (the article's related ones), numbered so "2" reads one.
 */
/** "Can I fix that myself?" after a guided flow was offered: it starts with what the user can do, and hands on the rest. */
export function whoFixesFlowReply(flow: Pick<FlowDefinition, 'title'>): Reply {
  const start = startPhrase(flow);
  return {
    text: `Partly: "${flow.title}" starts with what you can do yourself, one step at a time, and hands the rest to the helpdesk with everything you told it. Type "${start}" to begin, or "${PHRASES.person}".`,
    suggestions: [start, PHRASES.person],
  };
}

/** "why?" after the troubleshooter was offered: which cause is theirs depends on answers not given yet. */
export function whyUnknownReply(flow: Pick<FlowDefinition, 'title'>): Reply {
  const start = startPhrase(flow);
  return {
    text: `Which cause is yours I can't tell yet: the ones listed are the common ones, and which applies depends on answers I don't have. "${flow.title}" asks for them one at a time: type "${start}", or "${PHRASES.person}".`,
    suggestions: [start, PHRASES.person],
  };
}

export function afterArticleReply(article: Pick<Article, 'title'>, related: readonly Pick<Article, 'id' | 'title'>[]): Reply {
  const shown = related.slice(0, NEXT_SHOWN);
  const asked = `That was ${quoted(article.title)}. Did it sort things out? If not, tell me what happens now (for example "still not working"), or type "${PHRASES.person}".`;
  const next = shown.length > 0 ? `What often comes next:\n${shown.map((item, index) => `${index + 1}. **${item.title}**`).join('\n')}\n${pickHint(shown.length)}` : '';
  return {
    text: [asked, next].filter(Boolean).join('\n\n'),
    suggestions: ['it works now', 'still not working', PHRASES.person],
    ...(shown.length > 0 ? { listed: shown.map((item) => item.id) } : {}),
  };
}
