import { describe, expect, it } from 'vitest';
import { schedulePicked, stopsOneUnnamed, type ScheduleShown } from '../../src/interpretation/schedule-picks';

const shown: ScheduleShown[] = [
  { id: 'S-BKZ7P', check: 'pool', target: 'lync-int.contoso.dk', cadence: 'daily 07:00' },
  { id: 'S-8TD75', check: 'user', target: 'erin@contoso.dk', cadence: 'daily 08:00' },
  { id: 'S-Q2M4X', check: 'pool', target: 'lync2-int.contoso.dk', cadence: 'hourly' },
];

describe('a schedule named by what it is, right after the list', () => {
  it.each([
    ['kill the erin one', 'S-8TD75'],
    ["stop erin's check", 'S-8TD75'],
    ['remove the user one', 'S-8TD75'],
    ['cancel the hourly one', 'S-Q2M4X'],
    ['drop the lync2-int one', 'S-Q2M4X'],
    ['get rid of the 7am one', 'S-BKZ7P'],
    ['stop the one at 07:00', 'S-BKZ7P'],
  ])('"%s" → %s', (text, id) => {
    expect(schedulePicked(text, shown)).toBe(id);
  });

  it.each([
    ['kill the pool one', 'two pool schedules fit'],
    ['stop the contoso one', 'every target is in contoso.dk'],
    ['what is the erin one', 'nothing asks for it to stop'],
    ['unschedule S-8TD75', 'the id is typed out'],
    ['stop it', 'three are listed'],
    ['cancel the mac one', 'no schedule fits'],
  ])('"%s" picks none: %s', (text) => {
    expect(schedulePicked(text, shown)).toBeUndefined();
  });

  it('"stop that one" under a list of one is that one', () => {
    expect(schedulePicked('stop that one', [shown[0]!])).toBe('S-BKZ7P');
  });

  it('"remove that one" right after a schedule was made is that one, however many there are', () => {
    expect(schedulePicked('remove that one', shown, 'S-Q2M4X')).toBe('S-Q2M4X');
    expect(schedulePicked('remove that one', shown, 'S-GONE1')).toBeUndefined();
    // (What names another one still wins.)
    expect(schedulePicked('kill the erin one', shown, 'S-Q2M4X')).toBe('S-8TD75');
  });

  it('"remove that one" under a list of several asks to stop one without saying which', () => {
    expect(stopsOneUnnamed('remove that one', shown)).toBe(true);
    expect(stopsOneUnnamed('ok cancel it', shown)).toBe(true);
    expect(stopsOneUnnamed('remove that one', [shown[0]!])).toBe(false);
    expect(stopsOneUnnamed('kill the erin one', shown)).toBe(false);
    expect(stopsOneUnnamed('what is that one', shown)).toBe(false);
  });

  it('"kill the pool one" is the one pool schedule when there is only one', () => {
    expect(schedulePicked('kill the pool one', shown.slice(0, 2))).toBe('S-BKZ7P');
  });
});
