import { resolve } from 'node:path';
import type { Activity } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { describe, expect, it } from 'vitest';
import { FlowDialog, type FlowDialogHooks } from '../../src/bot/flow-dialog';
import { toActivity } from '../../src/bot/activities/reply-activity';
import type { Role } from '../../src/core/caller';
import { loadFlowCatalog, startFlow, type FlowCatalog, type FlowState } from '../../src/flows';
import { advance } from '../../src/interpretation/advance';
import { visibleChoices } from '../../src/flows/render';
import { loadKnowledgeBase } from '../../src/knowledge';

const root = resolve(__dirname, '..', '..');
const catalog = loadFlowCatalog(resolve(root, 'dialogs'));
const knowledge = loadKnowledgeBase(resolve(root, 'knowledge'));

function hooks(role: Role): FlowDialogHooks {
  return {
    catalog,
    defaultRole: role,
    articleTitle: (id) => knowledge.byId(id)?.title,
    aside: async (context, text) => void (await context.sendActivity(toActivity(knowledge.answer(text).reply))),
    handOff: async (_context, _info, state) => ({ text: `HANDED OFF at ${state.flowId}/${state.stepId}` }),
  };
}

interface Walk {
  /** Every reply's text and card, one string per user message. */
  replies: string[];
  client: DialogTestClient;
}

/**
 * Runs a flow in botbuilder-dialogs with DialogTestClient on an explicit channel (msteams), exactly as
 * the bot does: the first message begins the flow, each further one continues it.
 */
async function walk(flowId: string, inputs: string[], role: Role = 'user'): Promise<Walk> {
  const client = new DialogTestClient('msteams', new FlowDialog(hooks(role)), { flowId });
  const replies: string[] = [];
  for (const input of ['(start)', ...inputs]) {
    // sendActivity hands back the first reply; getNextReply the rest.
    const first = (await client.sendActivity(input)) as Partial<Activity> | undefined;
    const texts: string[] = [];
    for (let reply = first; reply; reply = client.getNextReply()) {
      texts.push([reply.text ?? '', ...(reply.attachments ?? []).map((a) => JSON.stringify(a.content))].join('\n'));
      for (const attachment of reply.attachments ?? []) {
        expect(((attachment.content as { actions?: unknown[] }).actions ?? []).length, 'Teams shows at most six buttons').toBeLessThanOrEqual(6);
      }
    }
    replies.push(texts.join('\n'));
  }
  return { replies, client };
}

function ended(client: DialogTestClient): { outcome?: string } | undefined {
  return client.dialogTurnResult.status === DialogTurnStatus.complete ? (client.dialogTurnResult.result as { outcome?: string }) : undefined;
}

interface Case {
  name: string;
  flow: string;
  inputs: string[];
  role?: Role;
  /** Every pattern must appear in the last reply. */
  last: RegExp[];
  /** How the flow ends; undefined means it is still running. */
  outcome?: 'cause' | 'done' | 'handoff';
}

const SIGN_IN = 'sign-in-troubleshooter';
const CARD = 'smart-card-enrollment';
const LOGS = 'collect-logs';

/** The documented causes, each reached the way a user would type it (names, aliases, numbers). */
const CASES: Case[] = [
  { name: 'Store app: device clock synced → signs in', flow: SIGN_IN, inputs: ['Windows Store app', 'No, or not sure', 'done', 'yes'], last: [/Signed in/], outcome: 'done' },
  { name: 'Store app: clock synced, still failing → the next cause (4G/LTE modem)', flow: SIGN_IN, inputs: ['Windows Store app', 'No, or not sure', 'done', 'no', '4g'], last: [/4G LTE USB modems/], outcome: 'cause' },
  { name: 'Store app: 4G/LTE USB modem', flow: SIGN_IN, inputs: ['surface', 'yes', '4g'], last: [/4G LTE USB modems/, /physical devices/], outcome: 'cause' },
  {
    name: 'Store app: Lync 2010 + OCS 2007 R2 Edge → July 2013 CU and Set-CsAutodiscoverConfiguration (admin)',
    flow: SIGN_IN,
    role: 'admin',
    inputs: ['2', '1', '1', '1', '2'],
    last: [/July 2013/, /Set-CsAutodiscoverConfiguration -ExternalSipClientAccessFqdn <external access FQDN> -ExternalSipClientAccessPort 443/, /check pool/],
    outcome: 'cause',
  },
  { name: 'Store app: Office 365 → certificate name validation, latest app, Windows 8.1', flow: SIGN_IN, inputs: ['win8 app', 'yes', 'wifi', 'password', 'office 365'], last: [/latest Lync app/, /Windows 8\.1/, /domainZ/], outcome: 'cause' },
  { name: 'Store app: certificate error on Lync 2013', flow: SIGN_IN, inputs: ['store app', 'yes', 'cable', 'password', 'Lync Server 2013', 'yes'], last: [/Certificate name check/], outcome: 'cause' },
  { name: 'Store app: AD FS never finishes → June 2013 CU, passive only', flow: SIGN_IN, inputs: ['store app', 'yes', 'wifi', 'adfs', '1'], last: [/June 2013/, /only sign-in type/], outcome: 'cause' },
  { name: 'Store app: drops in long meetings → token lifetime 240', flow: SIGN_IN, role: 'admin', inputs: ['store app', 'yes', 'wifi', 'adfs', '2'], last: [/240 minutes/, /-TokenLifetime 240/], outcome: 'cause' },
  { name: 'Store app: intermittent → load balancer cookie persistence', flow: SIGN_IN, inputs: ['store app', 'yes', 'wifi', 'adfs', 'intermittent'], last: [/cookie persistence/, /same Front End Server/], outcome: 'cause' },
  { name: 'Store app: unknown → collect logs offered', flow: SIGN_IN, inputs: ['store app', 'yes', 'wifi', 'password', "I don't know", 'no'], last: [/Collect the Store app logs/, /start collect logs/], outcome: 'handoff' },
  {
    name: 'Desktop inside, repeated prompts after clearing → Kerberos, setspn -L (admin)',
    flow: SIGN_IN,
    role: 'admin',
    inputs: ['desktop', 'inside', 'password', 'It keeps asking for my password', 'done', 'no'],
    last: [/Kerberos/, /setspn -L <Kerberos account>/, /SPN/],
    outcome: 'cause',
  },
  { name: 'Desktop: stale saved credentials → Delete my sign-in info fixes it', flow: SIGN_IN, inputs: ['pc', 'outside', 'password', '1', 'done', 'yes'], last: [/Signed in/], outcome: 'done' },
  { name: 'Desktop outside, prompts persist → the clock, and other devices with an old password', flow: SIGN_IN, inputs: ['pc', 'outside', 'password', '1', 'done', 'no'], last: [/clock more than 5 minutes off/, /w32tm \/resync/, /phone, tablet and other computers/], outcome: 'cause' },
  { name: 'Desktop: trust prompt for the Lync server → SIP SRV in another domain (admin)', flow: SIGN_IN, role: 'admin', inputs: ['desktop', 'inside', 'password', 'trust prompt', 'sip'], last: [/_sipinternaltls\._tcp/, /trusted domains/, /SAN/], outcome: 'cause' },
  { name: 'Desktop: trust prompt for autodiscover → SRV record (admin)', flow: SIGN_IN, role: 'admin', inputs: ['desktop', 'inside', 'password', '2', '2'], last: [/_autodiscover\._tcp/, /autodiscover\.xml/], outcome: 'cause' },
  { name: 'Desktop: trust prompt explained → trusted-domain list and sub-domains', flow: SIGN_IN, inputs: ['desktop', 'inside', 'password', '2', 'not sure'], last: [/s1\.b\.c\.d\.e/, /always trust/, /DNS spoofing/], outcome: 'cause' },
  { name: 'Desktop: first sign-in steps', flow: SIGN_IN, inputs: ['desktop', 'inside', 'password', 'first time', 'done', 'yes'], last: [/Signed in/], outcome: 'done' },
  { name: 'Desktop with AD FS from outside: Edge Registrar for passive auth, WebInfrastructure for staff', flow: SIGN_IN, inputs: ['desktop', 'outside', 'adfs'], last: [/Registrar configuration for the Edge/, /second factor/], outcome: 'cause' },
  { name: 'Desktop inside, password, page skipped → Windows auth left on', flow: SIGN_IN, inputs: ['desktop', 'inside', 'password', 'skips two factor'], last: [/Kerberos or NTLM/], outcome: 'cause' },
  { name: 'Desktop smart card not enrolled → switches to enrollment', flow: SIGN_IN, inputs: ['desktop', 'inside', 'smart card', 'No, not yet'], last: [/Smart card enrollment/, /log on to the computer you will use Lync on/] },
  { name: 'Desktop smart card sign-in works', flow: SIGN_IN, inputs: ['desktop', 'inside', 'card and pin', 'yes', 'done', 'yes'], last: [/Signed in/], outcome: 'done' },
  { name: 'Android with AD FS → not supported', flow: SIGN_IN, inputs: ['android', 'outside', 'adfs'], last: [/doesn't support passive authentication/, /stays stuck/], outcome: 'cause' },
  { name: 'Windows Phone 8 with AD FS → white page', flow: SIGN_IN, inputs: ['wp8', 'outside', 'ad fs', 'white page'], last: [/white/, /model and versions/], outcome: 'cause' },
  { name: 'Mac with AD FS → not compatible', flow: SIGN_IN, inputs: ['mac', 'inside', 'adfs'], last: [/Mac client can't use passive/], outcome: 'cause' },
  { name: 'iPhone with AD FS, stalls → Autodiscover pool, manual settings, More details, auto-detect off', flow: SIGN_IN, inputs: ['iphone', 'outside', 'adfs', '1', 'spinning', 'yes'], last: [/lyncdiscover/, /More details/, /Auto-detect server\*\* to \*\*Off/], outcome: 'cause' },
  {
    name: 'iPad with AD FS, meetings and voice mail missing → Exchange features lost, mobility policy (admin)',
    flow: SIGN_IN,
    role: 'admin',
    inputs: ['ipad', 'inside', 'adfs', 'meetings missing'],
    last: [/Exchange Web Services/, /AllowExchangeConnectivity \$false/, /show policies <sip address>/],
    outcome: 'cause',
  },
  { name: 'iPhone with AD FS asking again → when the app prompts', flow: SIGN_IN, inputs: ['iphone', 'outside', 'adfs', '3'], last: [/web ticket/, /certificate/], outcome: 'cause' },
  { name: 'Android password, cannot reach server → manual discovery', flow: SIGN_IN, inputs: ['android', 'outside', 'password', 'cant find server', 'mixed'], last: [/Auto-detect server/], outcome: 'cause' },
  { name: 'Mobile, something else → Fiddler trace for staff (agent)', flow: SIGN_IN, role: 'agent', inputs: ['iphone', 'outside', 'password', 'something else'], last: [/Fiddler/, /check user <sip address>/], outcome: 'handoff' },
  { name: 'One-time password → app password, not the domain password', flow: SIGN_IN, inputs: ['mac', 'outside', 'otp', 'done', 'no'], last: [/One-time password sign-in still fails/], outcome: 'handoff' },
  { name: 'Lync Web App opens the desktop client → ?sl=', flow: SIGN_IN, inputs: ['web app', '1'], last: [/\?sl=/], outcome: 'cause' },

  { name: 'Enrollment: stuck on the address → who has it', flow: CARD, inputs: ['physical', 'stuck'], last: [/ask your Lync administrator/, /\/certsrv/] },
  { name: 'Enrollment: stuck on the CSP → the card label', flow: CARD, inputs: ['physical', ...Array<string>(8).fill('done'), 'stuck'], last: [/label/] },
  { name: 'Enrollment: unsure of the card kind → a person', flow: CARD, inputs: ['not sure', 'still not sure'], last: [/physical or a virtual card/], outcome: 'handoff' },

  { name: 'Logs, Store app, already on → save logs (memory) and where', flow: LOGS, inputs: ['store app', 'done', 'already on', 'done'], last: [/Settings\*\* > \*\*About\*\* > \*\*Save logs/, /memory/] },
  { name: 'Logs, phone → the app emails its diagnostic logs, then a person', flow: LOGS, inputs: ['iphone'], last: [/About\*\* > \*\*Send diagnostic logs/, /described for the Android app; on the iPhone, iPad and Windows Phone apps they are assumed/] },
  { name: 'Logs, phone, sent → the helpdesk gets the time and address', flow: LOGS, inputs: ['android', 'done'], last: [/talk to a person/, /sign-in address/], outcome: 'handoff' },
  { name: 'Logs, phone, menu not there → honest, AlwaysOn on the server', flow: LOGS, inputs: ['windows phone', 'stuck'], last: [/AlwaysOn/, /when it happened/] },
  { name: 'Logs, Mac → logging for troubleshooting and ~/Library/Logs, then send', flow: LOGS, inputs: ['mac', 'done'], last: [/Zip the logs/], outcome: 'done' },
  { name: 'Logs, Mac → where the setting is', flow: LOGS, inputs: ['macbook'], last: [/Turn on logging for troubleshooting/, /~\/Library\/Logs/] },
  { name: 'Logs: a user cannot pick the staff-only CLS branch', flow: LOGS, inputs: ['Server-side logs (CLS)'], last: [/^I didn't catch that/, /Which Lync do you want to collect logs from\?/] },
  { name: 'A number out of range stays on the question, not the knowledge base', flow: SIGN_IN, inputs: ['desktop', '8'], last: [/^Pick a number from 1 to 2 \(or the name\)\./, /Where are you signing in from right now\?\n1\. /] },
];

describe('guided flows in botbuilder-dialogs (DialogTestClient, msteams)', () => {
  it.each(CASES)('$name', async ({ flow, inputs, role, last, outcome }) => {
    const { replies, client } = await walk(flow, inputs, role);
    const final = replies[replies.length - 1]!;
    for (const pattern of last) expect(final).toMatch(pattern);
    expect(ended(client)?.outcome).toBe(outcome);
  });

  it('smart card, physical: every enrollment step in the documented order, then the first sign-in', async () => {
    const { replies, client } = await walk(CARD, ['Physical card', ...Array<string>(21).fill('done')]);
    const all = replies.join('\n');
    const order = [
      /log on to the computer/i,
      /https:\/\/MyCA\.<yourcompany>\.com\/certsrv/,
      /Compatibility Mode/,
      /domain account/,
      /Request a certificate/,
      /Advanced Request/,
      /Create and submit a request to this CA/,
      /Smartcard user/,
      /Create new key set/,
      /label on your smart card/,
      /Request Format/,
      /sha1/,
      /friendly name/,
      /blank\*\* smart card/,
      /click \*\*Enroll\*\*/,
      /12345678/,
      /forces you to change the PIN/,
      /your own information/,
      /Install this certificate/,
      /Delete my sign-in info/,
      /Sign-in address/,
      /put your smart card in the reader/,
      /Type your smart card PIN/,
      /Smart card ready/,
    ];
    let from = 0;
    for (const pattern of order) {
      const at = all.slice(from).search(pattern);
      expect(at, `${pattern} after position ${from}`).toBeGreaterThanOrEqual(0);
      from += at;
    }
    expect(ended(client)?.outcome).toBe('done');
  });

  it('smart card, virtual: one card per device, and no card to insert', async () => {
    const { replies, client } = await walk(CARD, ['virtual', ...Array<string>(21).fill('done')]);
    const all = replies.join('\n');
    expect(all).toMatch(/only exists on that one device/);
    expect(all).toMatch(/TPM/);
    expect(all).toMatch(/nothing to insert/);
    expect(all).not.toMatch(/put your smart card in the reader/);
    expect(all).not.toMatch(/Put your \*\*blank\*\* smart card/);
    expect(ended(client)?.outcome).toBe('done');
  });

  it('logs, Store app just switched on: restart, Task Manager More details / Background processes, save, folder, send', async () => {
    const { replies, client } = await walk(LOGS, ['Windows Store app', 'done', 'I just switched it On', 'done', 'done', 'done', 'done']);
    const all = replies.join('\n');
    expect(all).toMatch(/Settings\*\* > \*\*Options\*\* and set \*\*Diagnostic Logs\*\* to \*\*On/);
    expect(all).toMatch(/restart the device/);
    expect(all).toMatch(/More details\*\* and look for Lync under \*\*Background processes/);
    expect(all).toMatch(/Save logs/);
    expect(all).toContain('%LocalAppData%\\\\Packages\\\\Microsoft.LyncMX_8wekyb3d8bbwe\\\\LocalState\\\\Tracing');
    expect(replies[replies.length - 1]).toMatch(/Send the logs[\s\S]*zip/i);
    expect(ended(client)?.outcome).toBe('done');
  });

  it('logs, admin: CLS AlwaysOn, a scenario per problem, providers, ClsController, output to a file', async () => {
    const { replies, client } = await walk(LOGS, ['Server-side logs (CLS)', 'done', 'AD FS / passive sign-in', 'done', 'done', 'done', 'done'], 'admin');
    const all = replies.join('\n');
    expect(all).toMatch(/AlwaysOn scenario by default/);
    expect(all).toMatch(/WebInfrastructure/);
    expect(all).toMatch(/Get-CsClsScenario -Identity \\"global\/<scenario>\\"/);
    expect(all).toContain('C:\\\\Program Files\\\\Common Files\\\\Microsoft Lync Server 2013\\\\ClsAgent');
    expect(all).toMatch(/> C:\\\\Temp\\\\cls-search\.txt/);
    expect(ended(client)?.outcome).toBe('done');
  });

  it('logs, admin: meeting join uses the MeetingJoin scenario; Fiddler for mobile sign-in', async () => {
    expect((await walk(LOGS, ['cls', 'done', 'meetings'], 'admin')).replies.at(-1)).toMatch(/MeetingJoin/);
    const fiddler = await walk(LOGS, ['fiddler', 'done', 'done'], 'admin');
    expect(fiddler.replies.join('\n')).toMatch(/Fiddler can't run on the phone/);
    expect(ended(fiddler.client)?.outcome).toBe('done');
  });

  it('staff-only text stays hidden from users', async () => {
    const user = await walk(SIGN_IN, ['store app', 'yes', 'wifi', 'password', 'Lync Server 2010 with an OCS 2007 R2 Edge']);
    expect(user.replies.at(-1)).toMatch(/July 2013/);
    expect(user.replies.at(-1)).not.toMatch(/Set-CsAutodiscoverConfiguration/);
    expect(user.replies.at(-1)).not.toMatch(/For helpdesk staff/);
  });

  it('a question mid-flow is answered from the knowledge base and the flow keeps its place', async () => {
    const { replies, client } = await walk(SIGN_IN, ['store app', 'how do I sync the clock on a windows rt device for lync', 'no']);
    expect(replies[2]).toMatch(/w32tm \/resync/);
    expect(replies[2]).toMatch(/still in "Sign-in troubleshooter" at "Is the device clock right\?": answer the question by its number or name, \*\*repeat\*\* to see the question again/);
    expect(replies[2]).not.toMatch(/type \*\*next\*\*/);
    expect(replies[3]).toMatch(/Sync the device clock/);
    expect(replies[3]).toMatch(/Run:\n\s+w32tm \/resync/);
    expect(replies[3]).toMatch(/as administrator/);
    expect(ended(client)).toBeUndefined();
  });

  it('talk to a person mid-flow hands off with the flow state', async () => {
    const { replies, client } = await walk(SIGN_IN, ['store app', 'yes', 'talk to a person']);
    expect(replies.at(-1)).toMatch(/HANDED OFF at sign-in-troubleshooter\/store-network/);
    expect(ended(client)?.outcome).toBe('handoff');
  });

  it('start over returns to the first question and forgets the answers', async () => {
    const { replies, client } = await walk(SIGN_IN, ['desktop', 'inside', 'start over']);
    expect(replies.at(-1)).toMatch(/Starting over[\s\S]*Which Lync are you trying to sign in with/);
    expect((client.dialogContext.activeDialog?.state as { flow: FlowState }).flow.answers).toEqual([]);
  });
});

/** Every end step of every flow is reachable by typing choices and "done" (found by search, then walked). */
describe('every branch that ends, walked through the dialog', () => {
  const paths = endPaths(catalog);
  const ends = catalog.flows.flatMap((flow) => Object.entries(flow.steps).filter(([, step]) => step.end).map(([id]) => `${flow.id}/${id}`));

  it('has a path to every end step', () => {
    expect(ends.filter((end) => !paths.has(end))).toEqual([]);
  });

  it.each(ends.filter((end) => paths.has(end)).map((end) => [end, paths.get(end)!] as const))('%s', async (end, path) => {
    const [flowId, stepId] = end.split('/') as [string, string];
    const step = catalog.byId(flowId)!.steps[stepId]!;
    const { replies, client } = await walk(path.flow, path.inputs, 'admin');
    expect(replies.at(-1)).toContain(step.title);
    expect(ended(client)?.outcome).toBe(step.end);
  });
});

/** Breadth-first search over the real engine: the shortest inputs reaching each end step. */
function endPaths(flows: FlowCatalog): Map<string, { flow: string; inputs: string[] }> {
  const found = new Map<string, { flow: string; inputs: string[] }>();
  const context = { role: 'admin' as const };
  for (const flow of flows.flows) {
    const queue: Array<{ state: FlowState; inputs: string[] }> = [{ state: startFlow(flows, flow.id, context).state, inputs: [] }];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const { state, inputs } = queue.shift()!;
      const key = `${state.flowId}/${state.stepId}/${JSON.stringify(state.facts)}`;
      if (seen.has(key) || inputs.length > 40) continue;
      seen.add(key);
      const step = flows.byId(state.flowId)!.steps[state.stepId]!;
      const moves = step.choices ? visibleChoices(step, true).map((choice) => choice.label) : ['done'];
      for (const move of moves) {
        const turn = advance(flows, state, move, context);
        const path = { flow: flow.id, inputs: [...inputs, move] };
        if (!turn.active) {
          const end = `${turn.state.flowId}/${turn.state.stepId}`;
          if (!found.has(end)) found.set(end, path);
        } else queue.push({ state: turn.state, inputs: path.inputs });
      }
    }
  }
  return found;
}
