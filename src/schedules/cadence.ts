/**
 * How often a scheduled check runs, as an admin types it: "daily 07:00", "hourly", "every 15 minutes".
 * All times are UTC: instances in different time zones (or a server whose zone changes) agree on when a
 * run is due, and no daylight-saving jump skips or doubles a run.
 */
export type Cadence =
  /** Once a day at this many minutes after 00:00 UTC. */
  | { kind: 'daily'; minuteOfDay: number }
  /** At the start of every hour (UTC). */
  | { kind: 'hourly' }
  /** Every this many minutes, counted from 00:00 UTC each day (every 15 minutes: :00, :15, :30, :45). */
  | { kind: 'every'; minutes: number };

/** A check reads the whole topology: more often than this would only load the pool. */
export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 24 * 60;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type CadenceParse = { ok: true; cadence: Cadence } | { ok: false; message: string };

export const CADENCE_FORMS = `daily HH:MM, hourly, or every N minutes (times in UTC)`;

/** Reads a cadence; the message says what is accepted when the text is none of the forms. */
export function parseCadence(text: string): CadenceParse {
  const words = text.trim().toLowerCase().replace(/\s+utc$/, '').split(/\s+/).filter(Boolean);
  const wrong = { ok: false, message: `must be ${CADENCE_FORMS}` } as const;
  if (words.length === 1 && words[0] === 'hourly') return { ok: true, cadence: { kind: 'hourly' } };
  if (words[0] === 'daily' && words.length <= 2) {
    const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(words[1] ?? '');
    if (!time) return { ok: false, message: 'needs a time of day from 00:00 to 23:59 (UTC), such as daily 07:00' };
    return { ok: true, cadence: { kind: 'daily', minuteOfDay: Number(time[1]) * 60 + Number(time[2]) } };
  }
  if (words.length === 3 && words[0] === 'every' && /^\d{1,4}$/.test(words[1]!)) {
    const count = Number(words[1]);
    const unit = words[2]!;
    const minutes = /^(minutes?|mins?)$/.test(unit) ? count : /^hours?$/.test(unit) ? count * 60 : undefined;
    if (minutes === undefined) return wrong;
    if (minutes < MIN_INTERVAL_MINUTES || minutes > MAX_INTERVAL_MINUTES) {
      return { ok: false, message: `must be every ${MIN_INTERVAL_MINUTES} to ${MAX_INTERVAL_MINUTES} minutes` };
    }
    return { ok: true, cadence: minutes === 60 ? { kind: 'hourly' } : { kind: 'every', minutes } };
  }
  return wrong;
}

/** The cadence in its one written form, as stored and shown: "daily 07:00", "hourly", "every 15 minutes". */
export function describeCadence(cadence: Cadence): string {
  if (cadence.kind === 'hourly') return 'hourly';
  if (cadence.kind === 'every') return `every ${cadence.minutes} minutes`;
  const hours = String(Math.floor(cadence.minuteOfDay / 60)).padStart(2, '0');
  const minutes = String(cadence.minuteOfDay % 60).padStart(2, '0');
  return `daily ${hours}:${minutes}`;
}

/** The first run strictly after `after` (UTC). */
export function nextRun(cadence: Cadence, after: Date): Date {
  const t = after.getTime();
  const midnight = Math.floor(t / DAY) * DAY;
  if (cadence.kind === 'hourly') return new Date(Math.floor(t / HOUR) * HOUR + HOUR);
  if (cadence.kind === 'daily') {
    const today = midnight + cadence.minuteOfDay * MINUTE;
    return new Date(today > t ? today : today + DAY);
  }
  // Slots restart at each midnight, so "every 25 minutes" has a short last slot rather than drifting.
  const step = cadence.minutes * MINUTE;
  const next = midnight + (Math.floor((t - midnight) / step) + 1) * step;
  return new Date(Math.min(next, midnight + DAY));
}
