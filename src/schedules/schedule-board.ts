import { randomBytes } from 'node:crypto';
import { readDocument, updateDocument } from '../journal/documents';
import type { Clock, StatePort } from '../journal/state-port';
import { nextRun, parseCadence, type Cadence } from './cadence';

export type CheckKind = 'pool' | 'user';

/** How the last run of a schedule went. */
export interface LastRun {
  at: string;
  executionId: string;
  /** The audit outcome of the check (ok, failed, timeout, …). */
  outcome: string;
  /** The check found something wrong (or did not complete). */
  problems: boolean;
  /** Digest of the last result the helpdesk conversation was told about (or that needed no telling). */
  digest: string;
  posted: boolean;
  postError?: string;
}

/** A scheduled read-only check, its next run, its last result and who is running it now. */
export interface Schedule {
  id: string;
  check: CheckKind;
  /** Pool FQDN or user SIP address / UPN, validated like the check command's argument. */
  target: string;
  /** The cadence in its written form ("daily 07:00"); parsed again when a run is planned. */
  cadence: string;
  createdBy: string;
  createdAt: string;
  /** When the next run is due (UTC). */
  nextRunAt: string;
  lastRun?: LastRun;
  /** The instance running the due slot, until when; an expired lease is claimed again by any instance. */
  lease?: { owner: string; slot: string; until: string };
}

/**
 * All schedules in one document, changed with eTag-guarded writes: a run is claimed by writing its
 * lease over the very version that showed it due, so of two instances that see it due only one wins.
 */
export interface ScheduleDocument {
  schedules: Schedule[];
}

export const SCHEDULES_KEY = 'schedules/board';
/** Keeps the document (and every tick's work) small. */
export const MAX_SCHEDULES = 50;
const emptyDocument = (): ScheduleDocument => ({ schedules: [] });
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const SCHEDULE_ID = /^S-[2-9A-HJ-NP-Z]{5}$/;

export function newScheduleId(): string {
  return `S-${[...randomBytes(5)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('')}`;
}

export function cadenceOf(schedule: Pick<Schedule, 'cadence'>): Cadence {
  const parsed = parseCadence(schedule.cadence);
  // Only parsed cadences are stored; a document edited by hand falls back to daily at midnight.
  return parsed.ok ? parsed.cadence : { kind: 'daily', minuteOfDay: 0 };
}

export type AddOutcome = { ok: true; schedule: Schedule } | { ok: false; reason: 'full' | 'duplicate'; existing?: Schedule };

export class ScheduleBoard {
  constructor(private readonly options: { store: StatePort; clock: Clock }) {}

  async list(): Promise<Schedule[]> {
    return ((await readDocument<ScheduleDocument>(this.options.store, SCHEDULES_KEY)) ?? emptyDocument()).schedules;
  }

  async add(entry: { check: CheckKind; target: string; cadence: Cadence; cadenceText: string; createdBy: string }): Promise<AddOutcome> {
    return updateDocument<ScheduleDocument, AddOutcome>(this.options.store, SCHEDULES_KEY, emptyDocument, (document) => {
      const target = entry.target.toLowerCase();
      const existing = document.schedules.find((s) => s.check === entry.check && s.target === target && s.cadence === entry.cadenceText);
      if (existing) return { result: { ok: false, reason: 'duplicate', existing } };
      if (document.schedules.length >= MAX_SCHEDULES) return { result: { ok: false, reason: 'full' } };
      const now = this.options.clock.now();
      let id = newScheduleId();
      while (document.schedules.some((s) => s.id === id)) id = newScheduleId();
      const schedule: Schedule = {
        id,
        check: entry.check,
        target,
        cadence: entry.cadenceText,
        createdBy: entry.createdBy,
        createdAt: now.toISOString(),
        nextRunAt: nextRun(entry.cadence, now).toISOString(),
      };
      return { next: { schedules: [...document.schedules, schedule] }, result: { ok: true, schedule } };
    });
  }

  async remove(id: string): Promise<Schedule | undefined> {
    return updateDocument<ScheduleDocument, Schedule | undefined>(this.options.store, SCHEDULES_KEY, emptyDocument, (document) => {
      const found = document.schedules.find((s) => s.id === id);
      if (!found) return { result: undefined };
      return { next: { schedules: document.schedules.filter((s) => s.id !== id) }, result: found };
    });
  }

  /** Schedules whose run is due now and that nobody holds a live lease on. */
  async due(): Promise<Schedule[]> {
    const now = this.options.clock.now().toISOString();
    return (await this.list()).filter((s) => isDue(s, now));
  }

  /**
   * Claims the due run of a schedule for `owner` until now + leaseMs. Undefined when it is no longer
   * due, was removed, or another instance claimed it first (its lease was written over the version read).
   */
  async claim(id: string, owner: string, leaseMs: number): Promise<Schedule | undefined> {
    return updateDocument<ScheduleDocument, Schedule | undefined>(this.options.store, SCHEDULES_KEY, emptyDocument, (document) => {
      const now = this.options.clock.now();
      const index = document.schedules.findIndex((s) => s.id === id);
      const schedule = document.schedules[index];
      if (!schedule || !isDue(schedule, now.toISOString())) return { result: undefined };
      const claimed: Schedule = { ...schedule, lease: { owner, slot: schedule.nextRunAt, until: new Date(now.getTime() + leaseMs).toISOString() } };
      document.schedules[index] = claimed;
      return { next: document, result: claimed };
    });
  }

  /**
   * Records the run of a claimed slot and plans the next one. False when the lease was lost meanwhile
   * (the schedule was removed, or the lease expired and another instance took the slot).
   */
  async finish(claimed: Schedule, lastRun: LastRun): Promise<boolean> {
    return updateDocument<ScheduleDocument, boolean>(this.options.store, SCHEDULES_KEY, emptyDocument, (document) => {
      const index = document.schedules.findIndex((s) => s.id === claimed.id);
      const schedule = document.schedules[index];
      if (!schedule || schedule.lease?.owner !== claimed.lease?.owner || schedule.lease?.slot !== claimed.lease?.slot) return { result: false };
      // Missed slots (the bot was down) are not run one by one: the next run is the next slot from now.
      const { lease: _done, ...rest } = schedule;
      document.schedules[index] = { ...rest, lastRun, nextRunAt: nextRun(cadenceOf(schedule), this.options.clock.now()).toISOString() };
      return { next: document, result: true };
    });
  }

  /** Gives back a claimed slot without recording a run, so it is due again at once. */
  async release(claimed: Schedule): Promise<void> {
    await updateDocument<ScheduleDocument>(this.options.store, SCHEDULES_KEY, emptyDocument, (document) => {
      const index = document.schedules.findIndex((s) => s.id === claimed.id);
      const schedule = document.schedules[index];
      if (!schedule || schedule.lease?.owner !== claimed.lease?.owner || schedule.lease?.slot !== claimed.lease?.slot) return { result: undefined };
      const { lease: _given, ...rest } = schedule;
      document.schedules[index] = rest;
      return { next: document, result: undefined };
    });
  }
}

function isDue(schedule: Schedule, now: string): boolean {
  return schedule.nextRunAt <= now && (!schedule.lease || schedule.lease.until <= now);
}
