import { describe, expect, it } from 'vitest';
import { ticketPicked, type TicketShown } from '../../src/interpretation/ticket-picks';

const shown: TicketShown[] = [
  { ref: 'H-AAAAA2', subject: 'my iphone says it cant connect to the server', user: 'Erin' },
  { ref: 'H-BBBBB3', subject: 'Smart card enrollment (handed to a person mid-flow, at Step 3) · Lync 2013 desktop (Windows PC)', user: 'Sam Ortiz' },
  { ref: 'H-CCCCC4', subject: 'the store app on my surface wont sign in, the clock thing', user: 'Kim' },
];

describe('a ticket named by what it is about, right after the list', () => {
  it.each([
    ["i'll grab the iphone one", 'take', 'H-AAAAA2'],
    ['ill take the ipad user', 'take', 'H-AAAAA2'],
    ['give me the smart card one', undefined, undefined],
    ['assign the smart card one to me', 'take', 'H-BBBBB3'],
    ["i'll handle sam's", 'take', 'H-BBBBB3'],
    ['close the surface one', 'resolve', 'H-CCCCC4'],
    ['mark the clock one as fixed', 'resolve', 'H-CCCCC4'],
    ['pull up the one from kim', 'show', 'H-CCCCC4'],
    ['show me the enrollment one', 'show', 'H-BBBBB3'],
    ['ill take the other one', undefined, undefined],
    ['take it', undefined, undefined],
    ['ticket take H-AAAAA2', undefined, undefined],
    ['the iphone one', undefined, undefined],
    // By place in the list, which is oldest first.
    ['take the oldest one', 'take', 'H-AAAAA2'],
    ["i'll grab the newest ticket", 'take', 'H-CCCCC4'],
    ['show me the last one', 'show', 'H-CCCCC4'],
    ['why does the iphone app not connect to the server and what should i tell the user who called about it today', undefined, undefined],
  ])('"%s" → %s %s', (text, action, ref) => {
    const picked = ticketPicked(text, shown);
    expect(picked).toEqual(action ? { action, ref } : undefined);
  });

  it('"take it" or "that one" picks the only ticket listed', () => {
    expect(ticketPicked('ok ill take it', shown.slice(0, 1))).toEqual({ action: 'take', ref: 'H-AAAAA2' });
    expect(ticketPicked('show me that one', shown.slice(2))).toEqual({ action: 'show', ref: 'H-CCCCC4' });
    expect(ticketPicked("what was the customer's problem again", shown.slice(2))).toEqual({ action: 'show', ref: 'H-CCCCC4' });
    // (Of several, "the customer" is none in particular.)
    expect(ticketPicked("what was the customer's problem again", shown)).toBeUndefined();
  });

  it('what follows the pick of a ticket to close is the note for the user, one line without backticks', () => {
    expect(ticketPicked('close the surface one, told her to resync the clock', shown)).toEqual({ action: 'resolve', ref: 'H-CCCCC4', note: 'told her to resync the clock' });
    expect(ticketPicked('close the surface one - ran `w32tm /resync` with her', shown)).toEqual({ action: 'resolve', ref: 'H-CCCCC4', note: "ran 'w32tm /resync' with her" });
    // The note's words do not pick the ticket: "iphone" after the comma is what was said to Kim.
    expect(ticketPicked('close the one from kim, same fix as the iphone one', shown)).toEqual({ action: 'resolve', ref: 'H-CCCCC4', note: 'same fix as the iphone one' });
    // Taking a ticket has no note.
    expect(ticketPicked("i'll grab the iphone one, calling her now", shown)).toEqual({ action: 'take', ref: 'H-AAAAA2' });
  });

  it('"ok sorted, close the surface one": the part that asks is the pick, and an acknowledgement is no note', () => {
    expect(ticketPicked('ok sorted, close the surface one', shown)).toEqual({ action: 'resolve', ref: 'H-CCCCC4' });
    expect(ticketPicked('told her to resync the clock, close the surface one', shown)).toEqual({ action: 'resolve', ref: 'H-CCCCC4', note: 'told her to resync the clock' });
  });

  it('"tell them to … and close it": what to tell the user is the note, without "tell them to"', () => {
    expect(ticketPicked('ok tell her to resync the clock and close the surface one', shown)).toEqual({ action: 'resolve', ref: 'H-CCCCC4', note: 'resync the clock' });
    expect(ticketPicked('close the surface one and let her know the clock was off', shown)).toEqual({ action: 'resolve', ref: 'H-CCCCC4', note: 'the clock was off' });
    // ("and" inside the note stays: only an "and" before the other half divides.)
    expect(ticketPicked('close the surface one, told her to resync and reboot', shown)).toEqual({ action: 'resolve', ref: 'H-CCCCC4', note: 'told her to resync and reboot' });
  });

  it('nothing is picked from an empty list', () => {
    expect(ticketPicked("i'll grab the iphone one", [])).toBeUndefined();
  });
});

describe('"it" and "he" after a ticket command point at the ticket it named', () => {
  it.each([
    ['close it, told him to reboot', { action: 'resolve', ref: 'H-CCCCC4', note: 'told him to reboot' }],
    ['what did he say he tried?', { action: 'show', ref: 'H-CCCCC4' }],
    ['what did that user say', { action: 'show', ref: 'H-CCCCC4' }],
    ['what did this customer want?', { action: 'show', ref: 'H-CCCCC4' }],
    ['show me that ticket', { action: 'show', ref: 'H-CCCCC4' }],
    ["whats the user's problem", { action: 'show', ref: 'H-CCCCC4' }],
    ['what should i ask her next', { action: 'show', ref: 'H-CCCCC4' }],
    ['resolve it - told him to reboot the mac', { action: 'resolve', ref: 'H-CCCCC4', note: 'told him to reboot the mac' }],
    // A long note after the pick, introduced as a note.
    ['ok close it with note: reset your pin at the enrollment station, default is 12345678', { action: 'resolve', ref: 'H-CCCCC4', note: 'reset your pin at the enrollment station, default is 12345678' }],
  ])('"%s"', (text, expected) => {
    expect(ticketPicked(text, shown, 'H-CCCCC4')).toEqual(expected);
  });
  it('without a ticket named lately, "close it" under three is no pick', () => {
    expect(ticketPicked('close it, told him to reboot', shown)).toBeUndefined();
  });
  it('a ticket named lately that is no longer open is no pick', () => {
    expect(ticketPicked('close it', shown, 'H-ZZZZZ9')).toBeUndefined();
  });
});
