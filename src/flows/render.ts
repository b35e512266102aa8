import { card, heading, MAX_CARD_ACTIONS, numbered, paragraph, type Element, type SubmitAction } from '../cards/adaptive';
import type { Reply } from '../core/reply';
import type { FlowChoice, FlowDefinition, FlowStep } from './schema';
import { startPhrase } from '../core/user-text';
import { FLOW_WORD_HELP } from './words';

/** What rendering needs to know about the reader and the knowledge base. */
export interface RenderContext {
  /** Helpdesk staff (agents, admins) also see the server-side checks and staff-only choices. */
  staff: boolean;
  /** Whether this reader may run a bot command a step suggests; one they may not is for an admin to run. */
  mayRun?: (command: string) => boolean;
  articleTitle?: (id: string) => string | undefined;
  flowTitle?: (id: string) => string | undefined;
}

/** When a question has more choices than a card can carry, this many go on each page, plus "More choices". */
export const CHOICES_PER_PAGE = MAX_CARD_ACTIONS - 1;

export const PERSON = 'talk to a person';

/** The choices this reader may see and pick, in file order (their numbers are positions in this list). */
export function visibleChoices(step: FlowStep, staff: boolean): FlowChoice[] {
  return (step.choices ?? []).filter((choice) => staff || !choice.staffOnly);
}

export function pageCount(step: FlowStep, staff: boolean): number {
  const count = visibleChoices(step, staff).length;
  return count <= MAX_CARD_ACTIONS ? 1 : Math.ceil(count / CHOICES_PER_PAGE);
}

/** One step as a Reply: full text for any channel, and a card with at most six buttons. */
/** `brief`: a question shown again (with a lead saying why) leaves out its introduction, which the user has read. */
export function renderStep(flow: FlowDefinition, stepId: string, context: RenderContext, options: { page?: number; canGoBack?: boolean; lead?: string; brief?: boolean } = {}): Reply {
  const step = flow.steps[stepId]!;
  const lines: string[] = [];
  const body: Element[] = [];
  if (options.lead) {
    lines.push(options.lead);
    body.push(paragraph(options.lead, { subtle: true }));
  }
  lines.push(`**${flow.title} — ${step.title}**`);
  body.push(paragraph(flow.title, { subtle: true, small: true }), heading(step.title));

  if (step.say && !(options.brief && step.choices)) {
    lines.push(step.say);
    body.push(paragraph(step.say));
  }
  if (step.do && step.do.length > 0) {
    lines.push(step.do.map((item, index) => `${index + 1}. ${item}`).join('\n'));
    body.push(...numbered(step.do));
  }
  if (step.run && step.run.length > 0) {
    lines.push(`Run:\n${step.run.map((command) => `    ${command}`).join('\n')}`);
    body.push(...step.run.map(code));
  }
  if (context.staff && step.staff) {
    const check = (command: string) => (context.mayRun?.(command) === false ? `Ask a Lync admin to type: \`${command}\`` : `Type: \`${command}\``);
    const staffLines = [
      step.staff.say ?? '',
      ...step.staff.check.map(check),
      ...step.staff.run.map((command) => `Run: \`${command}\``),
    ].filter(Boolean);
    lines.push(`For helpdesk staff:\n${staffLines.map((line) => `- ${line}`).join('\n')}`);
    body.push(paragraph('For helpdesk staff', { separator: true }));
    if (step.staff.say) body.push(paragraph(step.staff.say));
    body.push(...step.staff.check.map((command) => paragraph(check(command))), ...step.staff.run.map(code));
  }
  if (step.articles.length > 0) {
    // Titles only: the ids stay internal. Asking about a title finds its article.
    const refs = step.articles.map((id) => context.articleTitle?.(id)).filter((title): title is string => Boolean(title));
    if (refs.length > 0) {
      lines.push(`More (ask me about any of these): ${refs.join('; ')}`);
      body.push(paragraph(`More (ask me about any of these): ${refs.join('; ')}`, { subtle: true, small: true, separator: true }));
    }
  }

  const actions: SubmitAction[] = [];
  let suggestions: string[] = [];
  if (step.choices) {
    const choices = visibleChoices(step, context.staff);
    const listed = choices.map((choice, index) => `${index + 1}. ${choice.label}`);
    lines.push(`${step.ask}\n${listed.join('\n')}\nType the number or the name.`);
    body.push(paragraph(step.ask ?? '', { separator: true }), ...numbered(choices.map((choice) => choice.label)));
    const pages = pageCount(step, context.staff);
    const page = Math.min(options.page ?? 0, pages - 1);
    const shown = pages === 1 ? choices : choices.slice(page * CHOICES_PER_PAGE, (page + 1) * CHOICES_PER_PAGE);
    actions.push(...shown.map((choice) => ({ title: choice.label, says: choice.label, data: { action: 'flow-choice', flow: flow.id, step: stepId } })));
    if (pages > 1) actions.push({ title: page + 1 < pages ? 'More choices' : 'First choices', says: 'more', data: { action: 'flow-more', flow: flow.id } });
    suggestions = [...(options.canGoBack ? ['back'] : []), PERSON, 'cancel'];
  } else if (step.end) {
    const closing = CLOSING[step.end];
    lines.push(closing);
    const offered = step.offerFlows.map((id) => ({ id, title: context.flowTitle?.(id) })).filter((flow): flow is { id: string; title: string } => Boolean(flow.title));
    if (offered.length > 0) lines.push(`Next you could type: ${offered.map((flow) => `"${startPhrase(flow)}"`).join('; ')}.`);
    body.push(paragraph(closing, { separator: true }));
    actions.push(
      ...offered.map((offer) => ({ title: offer.title, says: startPhrase(offer), data: { action: 'flow-start', flow: offer.id } })),
      { title: 'Talk to a person', says: PERSON, data: { action: 'handoff' } },
      { title: 'Start over', says: startPhrase(flow), data: { action: 'flow-start', flow: flow.id } },
    );
    suggestions = [PERSON, 'help'];
  } else {
    lines.push(`Type **done** when finished, **stuck** if it doesn't work${options.canGoBack ? ', **back**' : ''}, or **${PERSON}**.`);
    actions.push(
      { title: 'Done', says: 'done', data: { action: 'flow-next', flow: flow.id, step: stepId } },
      { title: 'Stuck', says: 'stuck', data: { action: 'flow-stuck', flow: flow.id, step: stepId } },
      ...(options.canGoBack ? [{ title: 'Back', says: 'back', data: { action: 'flow-back', flow: flow.id } }] : []),
      { title: 'Talk to a person', says: PERSON, data: { action: 'handoff' } },
    );
  }
  return { text: lines.join('\n\n'), card: card(body, actions.slice(0, MAX_CARD_ACTIONS)), ...(suggestions.length > 0 ? { suggestions } : {}) };
}

const CLOSING: Record<NonNullable<FlowStep['end']>, string> = {
  cause: `That is the most likely cause. If it still fails after this, type "${PERSON}": the helpdesk gets everything you told me.`,
  done: `That was the last step. If something did not work, type "${PERSON}": the helpdesk gets every step you did.`,
  handoff: `I can't narrow it down further from here. Type "${PERSON}" and the helpdesk gets your answers so far.`,
};

/** The words that work inside a flow, and where the user is. */
export function flowHelp(flow: FlowDefinition, stepId: string): Reply {
  const step = flow.steps[stepId];
  const text = [
    `You are in **${flow.title}**, at "${step?.title ?? stepId}". You can type:`,
    FLOW_WORD_HELP.map(([word, meaning]) => `- **${word}** — ${meaning}`).join('\n'),
    'Any other question is answered from the knowledge base, and you keep your place here.',
  ].join('\n\n');
  return { text, suggestions: ['repeat', 'back', PERSON, 'cancel'] };
}

function code(command: string): Element {
  return { type: 'TextBlock', text: command, wrap: true, fontType: 'Monospace' };
}
