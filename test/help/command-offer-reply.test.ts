import { describe, expect, it } from 'vitest';
import { commandNeedsAddressReply, commandOfferReply } from '../../src/help/command-offer-reply';

describe('a command offered in words', () => {
  it('a check is offered as a read-only check', () => {
    expect(commandOfferReply('check user ken@contoso.dk', true).text).toMatch(/read-only check: `check user ken@contoso.dk`/);
  });
  it('taking or resolving a ticket is offered as what it is, never as a check', () => {
    for (const command of ['ticket take H-YZ4WP9', 'ticket resolve H-YZ4WP9']) {
      const offered = commandOfferReply(command, true).text;
      expect(offered).toContain(`\`${command}\``);
      expect(offered).not.toMatch(/check/);
    }
    expect(commandOfferReply('ticket take H-YZ4WP9', false).text).toMatch(/needs the agent role/);
  });
  it('a schedule is offered as a schedule, in UTC', () => {
    expect(commandOfferReply('schedule check pool lync3.contoso.dk daily 07:00', true).text).toMatch(/on a schedule \(times in UTC\)/);
    expect(commandOfferReply('schedule check pool lync3.contoso.dk daily 07:00', false).text).toMatch(/need the admin role/);
  });
});

describe('a check asked for without what it needs', () => {
  it("a user's check asks for the sign-in address; a pool's for the pool's FQDN, each with its usage", () => {
    expect(commandNeedsAddressReply('check user', true).text).toMatch(/sign-in address.*`check user <their sign-in address>`/);
    expect(commandNeedsAddressReply('check pool', true).text).toMatch(/FQDN.*`check pool <pool FQDN>`/);
    expect(commandNeedsAddressReply('check pool', false).text).toMatch(/needs the admin role/);
  });
});
