import { FILLER, foldPhrase, tokens } from '../language/text';

/**
 * "kill the pool one", "stop erin's" right after the scheduled checks were listed: which schedule is
 * meant, by what the admin says about it rather than its id. Pure: the bot passes the schedules it
 * listed. Stopping is offered as the `unschedule` command, never run on a reading of words.
 */

/** A schedule as the list showed it. */
export interface ScheduleShown {
  id: string;
  check: 'pool' | 'user';
  /** The pool FQDN or the user's address. */
  target: string;
  /** "daily 07:00", "hourly", "every 30 minutes". */
  cadence: string;
}

/** Asking for one to stop. */
const STOP = /\b(?:cancel|stop|remove|delete|drop|kill|turn off|switch off|get rid of|unschedule|end|bin|scrap)\b/;
/** "it", "that one": the only schedule listed. */
const THE_ONLY_ONE = /\b(?:it|that|this|that one|this one|the schedule|that schedule)\b/;
/** Words that say what to do or point, not which schedule. */
const NOT_DESCRIBING = new Set(
  'cancel stop remove delete drop kill turn off switch get rid of unschedule end bin scrap the one ones schedule schedules scheduled check checks run runs job can could you please pls ok okay yeah yes sure let lets me do that this'.split(' '),
);
/** How an admin may call a cadence. */
const CADENCE_WORDS: Record<string, readonly string[]> = {
  daily: ['daily', 'day', 'morning', 'nightly', 'night', 'evening'],
  hourly: ['hourly', 'hour'],
  every: ['minutes', 'minute', 'mins', 'min'],
};

/** The id of the one schedule meant, or undefined when none or several fit. `lastId`: the schedule just made, which "that one" points at. */
export function schedulePicked(typed: string, shown: readonly ScheduleShown[], lastId?: string): string | undefined {
  // An id typed out names the schedule itself (the command).
  if (shown.length === 0 || /\bs-[0-9a-z]{5}\b/i.test(typed)) return undefined;
  const folded = foldPhrase(typed.replace(/(\w)[’']s\b/g, '$1').replace(/[’']/g, ''));
  const words = tokens(folded);
  if (words.length === 0 || words.length > 12 || !STOP.test(folded)) return undefined;
  const describing = words.filter((word) => !FILLER.has(word) && !NOT_DESCRIBING.has(word));
  if (describing.length === 0) {
    if (!THE_ONLY_ONE.test(folded)) return undefined;
    if (lastId && shown.some((schedule) => schedule.id === lastId)) return lastId;
    return shown.length === 1 ? shown[0]!.id : undefined;
  }
  // (Words every listed target shares, such as the SIP domain, tell no schedule from another.)
  const shared = shown.length > 1 ? shown.map((schedule) => new Set(targetWords(schedule))).reduce((common, next) => new Set([...common].filter((word) => next.has(word)))) : new Set<string>();
  const telling = describing.filter((word) => !shared.has(word));
  const scored = shown.map((schedule) => ({ schedule, score: scoreOf(schedule, telling) }));
  const best = Math.max(...scored.map((entry) => entry.score));
  const top = scored.filter((entry) => entry.score === best);
  return best > 0 && top.length === 1 ? top[0]!.schedule.id : undefined;
}

/** "stop that one" naming none of several listed: asks to stop one, but which is not said. */
export function stopsOneUnnamed(typed: string, shown: readonly ScheduleShown[]): boolean {
  if (shown.length < 2 || /\bs-[0-9a-z]{5}\b/i.test(typed)) return false;
  const folded = foldPhrase(typed.replace(/[’']/g, ''));
  const words = tokens(folded);
  return words.length > 0 && words.length <= 12 && STOP.test(folded) && THE_ONLY_ONE.test(folded) && words.every((word) => FILLER.has(word) || NOT_DESCRIBING.has(word));
}

function targetWords(schedule: ScheduleShown): string[] {
  return tokens(foldPhrase(schedule.target)).filter((word) => word.length > 1);
}

/** Words of the description that the schedule's kind, target or cadence holds. */
function scoreOf(schedule: ScheduleShown, describing: readonly string[]): number {
  const cadence = schedule.cadence.toLowerCase();
  const hour = /(\d\d):\d\d/.exec(cadence)?.[1];
  const h = Number(hour);
  const own = new Set([
    schedule.check,
    ...(schedule.check === 'user' ? ['users', 'account'] : ['pools', 'server']),
    ...targetWords(schedule),
    ...(CADENCE_WORDS[cadence.split(' ')[0]!] ?? []),
    ...(hour ? [hour, String(h), `${h % 12 || 12}${h < 12 ? 'am' : 'pm'}`] : []),
  ]);
  return describing.filter((word) => own.has(word)).length;
}
