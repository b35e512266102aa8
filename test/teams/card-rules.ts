/** Teams renders Adaptive Cards up to schema 1.5 in bot messages and shows at most six actions per card. */
export const TEAMS_MAX_CARD_VERSION = [1, 5] as const;
export const TEAMS_MAX_ACTIONS = 6;

/** Every rule a card breaks for Teams, found anywhere in what the bot sent (replies or invoke bodies). */
export function teamsCardProblems(sent: unknown): string[] {
  const problems: string[] = [];
  for (const adaptive of adaptiveCardsIn(sent)) {
    const name = String((adaptive.body as Array<{ text?: string }> | undefined)?.[0]?.text ?? 'card').slice(0, 40);
    const version = String(adaptive.version ?? '');
    const [major, minor] = version.split('.').map(Number);
    if (!/^\d+\.\d+$/.test(version) || major! > TEAMS_MAX_CARD_VERSION[0] || (major === TEAMS_MAX_CARD_VERSION[0] && minor! > TEAMS_MAX_CARD_VERSION[1])) {
      problems.push(`${name}: version "${version}" is not 1.5 or lower`);
    }
    for (const actions of actionListsIn(adaptive)) {
      if (actions.length > TEAMS_MAX_ACTIONS) problems.push(`${name}: ${actions.length} actions in one list`);
    }
  }
  return problems;
}

/** How many Adaptive Cards a payload holds (so a test can show it looked at some). */
export function countAdaptiveCards(sent: unknown): number {
  return adaptiveCardsIn(sent).length;
}

function adaptiveCardsIn(value: unknown, found: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) value.forEach((item) => adaptiveCardsIn(item, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.type === 'AdaptiveCard') found.push(record);
    else Object.values(record).forEach((child) => adaptiveCardsIn(child, found));
  }
  return found;
}

/** The card's own action list and every ActionSet inside it. */
function actionListsIn(card: Record<string, unknown>): unknown[][] {
  const lists: unknown[][] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (Array.isArray(record.actions)) lists.push(record.actions);
      Object.entries(record).forEach(([key, child]) => key !== 'actions' && walk(child));
    }
  };
  walk(card);
  return lists;
}
