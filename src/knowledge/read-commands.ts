/**
 * "Which cmdlet shows whether passive auth is on?" is a question about reading a setting, and the
 * article that answers it best may be the one that changes it (`Set-CsWebServiceConfiguration …`).
 * Handing a write command to someone who asked to look is the riskiest wrong answer an admin can get,
 * so the answer then leads with the read: the Get- cmdlet of the same settings, at the same scope,
 * selecting the properties the write would set. Only for settings whose Get- cmdlet the Lync Server
 * product reference lists (its section 1), with the scope that cmdlet takes.
 */

/** Settings nouns the reference's Get- cmdlets read, with the scope to name when the write names none. */
const READABLE: ReadonlyMap<string, { scope?: string; role?: string }> = new Map([
  ['WebServiceConfiguration', { scope: 'service:WebServer:<pool FQDN>', role: 'WebServer' }],
  ['ProxyConfiguration', { scope: 'service:Registrar:<pool FQDN>', role: 'Registrar' }],
  ['RegistrarConfiguration', { role: 'Registrar' }],
  ['KerberosAccountAssignment', { scope: 'site:<site name>' }],
  ['MobilityPolicy', {}],
  ['ClientPolicy', {}],
  ['PresencePolicy', {}],
  ['OAuthConfiguration', {}],
  ['AutodiscoverConfiguration', {}],
  ['ClsConfiguration', {}],
]);

/** Parameters of a write that are not settings read back (who, where, how to run it). */
const NOT_PROPERTIES = new Set(['identity', 'instance', 'force', 'whatif', 'confirm', 'tenant', 'verbose', 'useraccount']);

/** "which cmdlet shows …", "how do i see if … is on", "what is it set to now", "without changing anything". */
const ASKS_TO_READ = new RegExp(
  [
    String.raw`\b(?:which|what)\s+(?:get\s+)?(?:cmdlet|command|powershell|ps command|shell command)s?\s+(?:shows?|lists?|tells?|displays?|reads?|gets?|returns?|reports?|gives?)\b`,
    String.raw`\bhow\s+(?:do|can|would|should)\s+(?:i|we|you|one)\s+(?:see|check|view|read|look at|look up|find out|verify|confirm|list|display|query|show)\b`,
    String.raw`\b(?:current|currently|effective)\s+(?:value|values|setting|settings|config|configuration)\b`,
    String.raw`\bwhat\s+(?:is|are)\s+(?:it|they|this|that|\w+)\s+(?:currently\s+)?set\s+to\b`,
    String.raw`\bwithout\s+changing\b|\bread[- ]only\b|\bjust\s+(?:look|see|check|read)\b`,
    // "whats the command to see registrar auth settings", "how do i look", "look at it before i touch anything"
    String.raw`\b(?:cmdlet|command|powershell|ps)s?\s+(?:to|that|which)\s+(?:see|view|check|read|list|show|shows|look at|display|get|gets)\b`,
    String.raw`\bhow\s+(?:do|can|would|should)\s+(?:i|we|you|one)\s+look\b|\bbefore\s+(?:i|we)\s+(?:touch|change)\b`,
    // "is passive auth enabled on pool01?", "is ntlm still on for the registrar"
    String.raw`^(?:so\s+|ok\s+)?(?:is|are)\s+\S+(?:\s+\S+){0,3}\s+(?:still\s+)?(?:enabled|disabled|on|off|turned\s+on|switched\s+on|set\s+up)\b`,
  ].join('|'),
  'i',
);

export function asksToRead(question: string): boolean {
  return ASKS_TO_READ.test(question);
}

export interface ReadCommand {
  /** The whole read, ready to paste: `Get-CsProxyConfiguration -Identity service:Registrar:<FQDN> | Select-Object …`. */
  command: string;
  /** The write it reads back (`New-CsProxyConfiguration`), to say which command in the answer changes things. */
  write: string;
}

const WRITE = /\b(Set|New)-Cs([A-Za-z]+)((?:[ \t]+-[A-Za-z]+(?:[ \t]+(?!-)[^\s`']+)?)*)/g;

/** The Edge's own proxy settings: the reference scopes them `service:EdgeServer:<edge pool>`. */
const EDGE = /\bedge\b/i;

/**
 * The read of the first setting an article's text changes, or undefined when it changes none the reference
 * can read. `question`: a question that names the Edge reads the Edge's proxy settings, not the Registrar's.
 */
export function readCommandFor(texts: readonly string[], question = ''): ReadCommand | undefined {
  for (const text of texts) {
    for (const match of text.matchAll(WRITE)) {
      const noun = match[2]!;
      const readable = READABLE.get(noun);
      if (!readable) continue;
      const { identity, properties } = parameters(match[3] ?? '');
      const scope = noun === 'ProxyConfiguration' && EDGE.test(question) ? 'service:EdgeServer:<edge pool FQDN>' : identity ? serviceScope(identity, readable.role) : readable.scope;
      const select = properties.length > 0 ? ` | Select-Object Identity, ${properties.join(', ')}` : '';
      return { command: `Get-Cs${noun}${scope ? ` -Identity ${scope}` : ''}${select}`, write: `${match[1]}-Cs${noun}` };
    }
  }
  return undefined;
}

function parameters(text: string): { identity?: string; properties: string[] } {
  const properties: string[] = [];
  let identity: string | undefined;
  for (const [, name, value] of text.matchAll(/-([A-Za-z]+)(?:[ \t]+(?!-)([^\s`']+))?/g)) {
    if (name!.toLowerCase() === 'identity') identity = value;
    else if (!NOT_PROPERTIES.has(name!.toLowerCase()) && !properties.includes(name!)) properties.push(name!);
  }
  return identity ? { identity, properties } : { properties };
}

/** `registrar:pool.contoso.com` as the Get- cmdlets name a pool's settings: `service:Registrar:pool.contoso.com`. */
function serviceScope(identity: string, role: string | undefined): string {
  if (/^(?:global|site:|service:|tag:)/i.test(identity) || !role) return identity;
  const [kind, ...rest] = identity.split(':');
  return kind!.toLowerCase() === role.toLowerCase() && rest.length > 0 ? `service:${role}:${rest.join(':')}` : identity;
}

/** "mobility policy", "web service config", "cls settings": the words people use for a setting the reference reads. */
function settingWords(noun: string): RegExp {
  const words = noun.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(' ');
  const last = words.pop()!;
  const kind = last === 'configuration' ? String.raw`(?:configuration|config|settings?)` : last === 'policy' ? String.raw`polic(?:y|ies)` : last;
  const before = words.map((word) => (word === 'service' ? String.raw`services?` : word === 'o' ? '' : word)).filter(Boolean);
  return new RegExp(String.raw`\b${[...before, kind].join(String.raw`[\s-]*`)}\b`, 'i');
}

const NAMED_SETTINGS: ReadonlyArray<readonly [RegExp, string]> = [...READABLE.keys()].map((noun) => [settingWords(noun), `Get-Cs${noun}`]);

/**
 * "Which powershell shows me the current mobility policy": the cmdlet that reads the setting named,
 * for the search to weigh as if it had been typed (an article that lists it is the one that answers).
 * Undefined unless the question asks to look and names one such setting in so many words.
 */
export function readCmdletAsked(question: string): string | undefined {
  if (!asksToRead(question)) return undefined;
  const named = NAMED_SETTINGS.filter(([words]) => words.test(question));
  return named.length === 1 && !new RegExp(String.raw`\b${named[0]![1]}\b`, 'i').test(question) ? named[0]![1] : undefined;
}
