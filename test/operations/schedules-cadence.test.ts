import { describe, expect, it } from 'vitest';
import { describeCadence, nextRun, parseCadence } from '../../src/schedules/cadence';
import { hasProblems, resultDigest, shouldPost } from '../../src/schedules/scheduler';

describe('cadence: what an admin types', () => {
  it.each([
    ['daily 07:00', 'daily 07:00'],
    ['DAILY 7:05', 'daily 07:05'],
    ['daily 23:59 UTC', 'daily 23:59'],
    ['daily 00:00', 'daily 00:00'],
    ['hourly', 'hourly'],
    ['  Hourly  ', 'hourly'],
    ['every 15 minutes', 'every 15 minutes'],
    ['every 5 mins', 'every 5 minutes'],
    ['every 60 minutes', 'hourly'],
    ['every 2 hours', 'every 120 minutes'],
    ['every 1440 minutes', 'every 1440 minutes'],
  ])('%s → %s', (text, written) => {
    const parsed = parseCadence(text);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    if (parsed.ok) expect(describeCadence(parsed.cadence)).toBe(written);
  });

  it.each([
    ['daily', /time of day/],
    ['daily 24:00', /time of day/],
    ['daily 7', /time of day/],
    ['daily 07:60', /time of day/],
    ['every 4 minutes', /every 5 to 1440 minutes/],
    ['every 1441 minutes', /every 5 to 1440 minutes/],
    ['every 0 minutes', /every 5 to 1440 minutes/],
    ['every 15 seconds', /daily HH:MM, hourly, or every N minutes \(times in UTC\)/],
    ['every -15 minutes', /daily HH:MM/],
    ['weekly', /daily HH:MM/],
    ['hourly please', /daily HH:MM/],
    ['', /daily HH:MM/],
    ['daily 07:00; Remove-Item', /daily HH:MM/],
  ])('%j is refused (%s)', (text, message) => {
    const parsed = parseCadence(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('next run (UTC)', () => {
  const next = (cadence: string, after: string) => {
    const parsed = parseCadence(cadence);
    if (!parsed.ok) throw new Error(parsed.message);
    return nextRun(parsed.cadence, new Date(after)).toISOString();
  };

  it.each([
    ['daily 07:00', '2024-05-01T06:59:59.000Z', '2024-05-01T07:00:00.000Z'],
    ['daily 07:00', '2024-05-01T07:00:00.000Z', '2024-05-02T07:00:00.000Z'],
    ['daily 07:00', '2024-05-01T12:00:00.000Z', '2024-05-02T07:00:00.000Z'],
    ['daily 00:00', '2024-12-31T23:30:00.000Z', '2025-01-01T00:00:00.000Z'],
    ['daily 23:59', '2024-02-28T23:59:30.000Z', '2024-02-29T23:59:00.000Z'],
    ['hourly', '2024-05-01T06:00:00.000Z', '2024-05-01T07:00:00.000Z'],
    ['hourly', '2024-05-01T06:59:59.999Z', '2024-05-01T07:00:00.000Z'],
    ['hourly', '2024-05-01T23:10:00.000Z', '2024-05-02T00:00:00.000Z'],
    ['every 15 minutes', '2024-05-01T06:00:00.000Z', '2024-05-01T06:15:00.000Z'],
    ['every 15 minutes', '2024-05-01T06:14:59.000Z', '2024-05-01T06:15:00.000Z'],
    ['every 15 minutes', '2024-05-01T23:50:00.000Z', '2024-05-02T00:00:00.000Z'],
    // Slots restart at midnight: 25 does not divide a day, the last slot is short.
    ['every 25 minutes', '2024-05-01T23:40:00.000Z', '2024-05-01T23:45:00.000Z'],
    ['every 25 minutes', '2024-05-01T23:50:00.000Z', '2024-05-02T00:00:00.000Z'],
    ['every 25 minutes', '2024-05-02T00:00:00.000Z', '2024-05-02T00:25:00.000Z'],
    ['every 1440 minutes', '2024-05-01T10:00:00.000Z', '2024-05-02T00:00:00.000Z'],
    // The clock's zone never matters: the same instant gives the same slot.
    ['daily 07:00', '2024-03-31T01:30:00+02:00', '2024-03-31T07:00:00.000Z'],
  ])('%s after %s → %s', (cadence, after, expected) => {
    expect(next(cadence, after)).toBe(expected);
  });

  it('is always strictly later, and never more than the period away', () => {
    const periods: Record<string, number> = { 'daily 07:00': 86_400_000, hourly: 3_600_000, 'every 15 minutes': 900_000, 'every 7 minutes': 420_000 };
    for (const [cadence, period] of Object.entries(periods)) {
      for (let t = Date.UTC(2024, 4, 1); t < Date.UTC(2024, 4, 3); t += 997_000) {
        const at = new Date(next(cadence, new Date(t).toISOString())).getTime();
        expect(at).toBeGreaterThan(t);
        expect(at - t).toBeLessThanOrEqual(period);
      }
    }
  });
});

describe('when a result is posted', () => {
  const clean = { reply: { text: '**Check of x**\nregistrar pool · execution 1a2b3c\n\n**No problems found.** Checked: a.' }, outcome: 'ok', executionId: '1a2b3c' };
  const broken = { reply: { text: '**Check of x**\nregistrar pool · execution 9f9f9f\n\n1 problem found:\n1. **ERROR: x** (rule r)' }, outcome: 'ok', executionId: '9f9f9f' };
  const lastRun = (run: typeof clean) => ({ at: '', executionId: run.executionId, outcome: run.outcome, problems: hasProblems(run), digest: resultDigest(run), posted: false });

  it('the execution id does not change the digest; the findings do', () => {
    expect(resultDigest(clean)).toBe(resultDigest({ ...clean, reply: { text: clean.reply.text.replace('1a2b3c', 'ffff00') }, executionId: 'ffff00' }));
    expect(resultDigest(clean)).not.toBe(resultDigest(broken));
    expect(resultDigest(clean)).not.toBe(resultDigest({ ...clean, outcome: 'timeout' }));
  });

  it.each([
    ['first run, nothing wrong', undefined, clean, false],
    ['first run, something wrong', undefined, broken, true],
    ['same problem again', broken, broken, false],
    ['still fine', clean, clean, false],
    ['a problem appears', clean, broken, true],
    ['back to fine', broken, clean, true],
  ] as const)('%s → posted: %s', (_name, before, now, posted) => {
    expect(shouldPost(before ? lastRun(before) : undefined, now, resultDigest(now))).toBe(posted);
  });

  it('a check that did not complete counts as something wrong', () => {
    expect(hasProblems({ ...clean, outcome: 'timeout' })).toBe(true);
  });
});
