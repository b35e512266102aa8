import { textReply, type Reply } from '../core/reply';
import { PHRASES } from '../knowledge/answer';

/**
 * The reply to a check asked for in words: the command that does it, as a button for someone who may
 * run it, else who can. The command holds only a host name or an address (the request's patterns
 * allow nothing else), shown in code style.
 */
export function commandOfferReply(command: string, mayRun: boolean, staff = true): Reply {
  // An end user cannot ask an admin directly: the way there is the hand-off.
  if (!staff && !mayRun) return textReply(`That is a check the helpdesk runs for you (read-only: \`${command}\`). Type "${PHRASES.person}" and I'll pass it on with what you asked.`, [PHRASES.person, 'help']);
  // A ticket command changes who owns the ticket or closes it: offered as what it is, never as a check.
  if (/^schedule\b/.test(command)) {
    return mayRun
      ? textReply(`To run that check on a schedule (times in UTC), the command is \`${command}\`. Say yes, press the button, or type it.`, [command, 'help'])
      : textReply(`Schedules need the admin role: ask a Lync admin to type \`${command}\`. Type "help" to see what you may run.`, ['help']);
  }
  if (/^unschedule\b/.test(command)) {
    return mayRun
      ? textReply(`To stop that scheduled check, the command is \`${command}\`. Say yes, press the button, or type it.`, [command, 'schedules'])
      : textReply(`Schedules need the admin role: ask a Lync admin to type \`${command}\`. Type "help" to see what you may run.`, ['help']);
  }
  const ticket = /^ticket (?:take|resolve)\b/.test(command);
  if (ticket) {
    return mayRun
      ? textReply(`To do that, the command is \`${command}\`. Say yes, press the button, or type it.`, [command, 'help'])
      : textReply(`That needs the agent role: ask the helpdesk to type \`${command}\`. Type "help" to see what you may run.`, ['help']);
  }
  return mayRun
    ? textReply(`I can check that with a read-only check: \`${command}\`. Say yes, press the button, or type it.`, [command, 'help'])
    : textReply(`That check needs the admin role: ask a Lync admin to type \`${command}\`. Type "help" to see what you may run.`, ['help']);
}

/**
 * A user to check was named without an address: what the check needs, and who may run it. An end user
 * (`staff` false) is pointed to the helpdesk, who can look.
 */
export function commandNeedsAddressReply(command: string, mayRun: boolean, staff = true): Reply {
  if (command === 'check pool') {
    const poolUsage = 'check pool <pool FQDN>';
    return mayRun
      ? textReply(`To check a pool I need its fully qualified name (FQDN), for example lyncpool01.contoso.com: send me the name and I'll check its authentication settings, or type \`${poolUsage}\`.`, ['help'])
      : textReply(`Checking a pool needs the admin role and the pool's FQDN: ask a Lync admin to type \`${poolUsage}\`. Type "help" to see what you may run.`, ['help']);
  }
  const usage = `${command} <their sign-in address>`;
  if (!staff) return textReply(`I can't look at anyone's account myself. The helpdesk can: type "${PHRASES.person}" and I'll pass on what you asked.`, [PHRASES.person, 'help']);
  return mayRun
    ? textReply(`To look at one user's Lync sign-in I need their sign-in address (the SIP address or UPN they sign in with), not a name: send me the address (for example jsmith@contoso.com) and I'll check it, or type \`${usage}\`.`, ['help'])
    : textReply(`Looking at one user's Lync sign-in needs the admin role and their sign-in address (SIP address or UPN): ask a Lync admin to type \`${usage}\`. Type "help" to see what you may run.`, ['help']);
}

/**
 * Before what the knowledge base says about a cmdlet that changes things: the bot never runs one. Who
 * can run it instead depends on the caller: an administrator in the Management Shell, anyone else asks one.
 */
export function refuseChangeReply(cmdlet: string, admin = true, described = false): Reply {
  // (An account in Active Directory is unlocked there, not in the Lync shell.)
  const inDirectory = /active directory/i.test(cmdlet);
  // (A PIN asked of the bot by someone who is no administrator is the helpdesk's to see to.)
  const pin = !admin && /\bPIN\b/.test(cmdlet);
  const who = pin
    ? 'The helpdesk sees to that'
    : inDirectory
    ? admin
      ? 'Do it yourself in Active Directory'
      : 'An administrator does it in Active Directory'
    : admin
      ? 'Run it yourself in the Lync Server Management Shell'
      : 'A Lync administrator runs it in the Lync Server Management Shell';
  // (A change asked for in plain words may have no cmdlet the documents name: "applying the fix".)
  const what = described ? `make changes to your servers or users, ${cmdlet} included` : `run \`${cmdlet}\` or any other command that changes your servers`;
  return textReply(
    `I never ${what}: my checks only read (Get-Cs… cmdlets; "help" lists the ones you may run). ` +
      `${who}, or type "${PHRASES.person}".`,
  );
}
