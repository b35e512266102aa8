/**
 * Checks asked for in words ("can you look at the auth settings on pool lync-int.contoso.dk", "why
 * can't ken@contoso.dk sign in") and cmdlets that change things ("run Invoke-CsManagementStoreReplication").
 * The first become the command that does it, offered to staff as a button; the second are refused
 * plainly, since the bot only ever reads. Pure: whether the caller may run the command is the bot's call.
 */

/** A SIP address or UPN ("ken@contoso.dk", "sip:ken@contoso.dk"). */
const ADDRESS = /(?:^|[\s(<"'])(?:sip:)?([a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\b/i;
/**
 * A message that is only an address, perhaps with a few words before it ("bob@contoso.com", "its
 * sip:bob@contoso.com", "here: bob@contoso.com?"): the user to check, since it asks nothing else.
 */
const BARE_ADDRESS = /^(?:(?:ok|okay|sure|yes|yeah|yep|sorry|oh|so|and|then|now|try|use|what about|how about|here|here it is|here you go|it ?s|it is|its|thats|that ?s|that is|the address is|address is|his|her|their|his address is|her address is|their address is|(?:sign ?in |sip )?address(?: is)?|upn(?: is)?|user(?: is)?)[\s:,.-]+)*(?:sip:)?([a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:\s+(?:please|pls|thanks|thx|i think|maybe))?\s*[?.!]*$/i;

/** The address when the message is only an address (see BARE_ADDRESS). */
export function bareAddress(typed: string): string | undefined {
  return BARE_ADDRESS.exec(typed.trim().toLowerCase().replace(/[’']/g, ''))?.[1];
}

/** Asked of an address: how that user's account stands ("is bob@… enabled", "which pool is erin@… on"). */
const ADDRESS_STATE = /\b(?:is|are|was|isn ?t|wasn ?t)\b.*\b(?:enabled|disabled|provisioned|homed|allowed to (?:use|sign in|log in)|able to (?:use|sign in|log in)|blocked|locked out|set up for (?:lync|skype))\b|\b(?:what|which) (?:pool|registrar)\b|\b(?:is|are)\s+(?:sip:)?\S+@\S+\s+(?:ok|okay|alright|all right|fine|good|working)\b/i;
/** A host or domain name with at least one dot, not part of an address. */
const HOST = /(?:^|[\s(<"'])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,})(?=$|[\s,.;:!?)>"'])/i;
/** Asking the bot to look: "check", "can you test", "see whether". */
const LOOK = /\b(?:check|checking|look|test|verify|inspect|examine|diagnose|validate|see if|see whether|find out|tell me|watch|monitor|keep an eye on|keep checking)\b|\b(?:do|run|try) (?:it|that|this|the same)(?: (?:one|thing|check))? (?:for|on|against)\b/i;
/** "why can't ken sign in", "what's wrong with": a question about one user's sign-in. */
const WHY_USER = /\b(?:why (?:can ?t|cannot|won ?t|wont|isn ?t|doesn ?t|does not|is not|can not)|what ?s wrong|what is wrong|whats wrong)\b/i;
const POLICIES = /\bpolic(?:y|ies)\b/i;
/** What a network probe of a SIP domain looks at. */
const PROBE_WORDS = /\b(?:dns|resolv\w*|records?|lyncdiscover\w*|srv|from (?:the )?outside|externally|from the internet|reachable|certificates?|certs?|probe|clocks?)\b/i;
/** What `check pool` looks at. */
const POOL_WORDS = /\b(?:auth\w*|passive|pool|settings|kerberos|proxy|autodiscover|web ?services?|config\w*)\b/i;
/** Asking how something stands: "is … on for", "does … have", "what is … set to". */
const POOL_STATE = /^(?:(?:hi|hey|ok|so|quick question)[,.]?\s+)?(?:is|are|does|do|has|have)\b.*\b(?:on|off|enabled|disabled|turned on|turned off|set|configured|allowed|using|use|have|has)\b|\bwhat (?:is|s)\b.*\bset to\b/i;
/** "is lync2-int.contoso.dk ok?", "is HOST up": the whole message asks how a server stands. */
const HOST_HEALTH = /^(?:(?:hey|hi|ok|so|quick one)[,.]?\s+)?(?:is|are)\s+(?:the\s+)?(?:pool\s+)?HOST(?:\s+pool)?\s+(?:ok|okay|fine|alright|all right|healthy|up|down|working|running|broken|good)(?:\s+(?:now|today|right now|at the moment))?\s*[?.!]*$/i;

/** "what checks can you run", "which commands do you have". */
const CAPABILITIES = /\b(?:what|which) (?:checks|commands|tests) (?:can|could|do|will|may) (?:you|i)\b|\bwhat (?:can|could) you (?:check|run|test)\b|\b(?:list|show) (?:me )?(?:the |your )?(?:checks|commands)\b|\bwhat (?:am i|are we) (?:allowed|able|permitted) to (?:do|run|use)\b|\bwhat (?:can|may) i (?:do|run|use) (?:here|with (?:you|this|the bot))\b|^(?:so |ok |okay |and |then )?(?:what|which)(?: commands?| checks?)? (?:can|may|could) i (?:(?:run|use)(?: here| then| now| instead)?|do(?: here| instead)?(?= as )|do here)(?: as (?:an? |the )?(?:helpdesk(?: agent)?|agent|admin|administrator|end user|user))?(?: then| here| now)?\s*[?.!]*$|^(?:so |ok |but )?why (?:cant|can t|cannot|can not|am i not allowed to|am i not able to) i? ?(?:run|use|do) (?:it|that|this|the check|checks|that check|commands|that command)\s*[?.!]*$|\bwho (?:runs|can run|may run|is allowed to run|gets to run) (?:the |your |these |those )?(?:checks|commands|powershell checks)\b|\bwhat (?:checks|commands) (?:can|may|could) (?:an? )?(?:admin|administrator|agent|helpdesk agent)s? (?:run|use|do)\b/i;
/** "who am i logged in as", "what's my role": the caller's ids and role. */
const WHOAMI = /\bwho am i(?: (?:logged|signed) in(?: as)?| here| to you| to the bot)?\s*[?.!]*$|\bwhat(?: is|s| s) my (?:role|user ?id|id)\b|\bwhat role (?:do i have|am i)\b|\bam i (?:an? )?(?:admin|agent|administrator)\b/i;
/**
 * "make me an admin", "add me to HELPDESK_ADMINS", "how do i get agent access here": a role in the bot
 * asked for. Roles come from the bot's settings, so the answer is who the caller is and how an
 * administrator adds them (whoami). ("Does the user need admin rights to install Lync" asks for none.)
 */
const ROLE_WANTED =
  /\bhelpdesk_(?:admins|agents)\b|\b(?:make|set) me (?:up as )?(?:an? )?(?:admin|agent|administrator|helpdesk agent)\b|\b(?:give|grant) me (?:an? )?(?:admin|agent|administrator)(?: rights| access| role| permissions?)?(?: (?:here|in (?:this|the) bot|on (?:this|the) bot|for (?:this|the) bot|please))?\s*[?.!]*$|\bhow (?:do|can|would) i (?:get|become|be made) (?:an? )?(?:admin|agent|administrator)(?: (?:role|access|rights|permissions?))?(?: (?:here|on you|with you|in (?:this|the) bot|on (?:this|the) bot|for (?:this|the) bot))?\s*[?.!]*$/i;
/** "cancel that schedule", "stop the daily pool check": the schedules, each with what stops it. */
const CANCEL_SCHEDULE = /\b(?:cancel|stop|remove|delete|drop|kill|turn off|get rid of)\b.*\b(?:schedules?|scheduled (?:check|checks|run|runs)|(?:daily|hourly|nightly|morning) (?:pool |user )?(?:checks?|ones?))\b/i;
/**
 * A user enabled, disabled, moved or removed, named by address (or by name "for lync"): the cmdlet that
 * would do it, named back in the refusal. ("enable logging" names no user.)
 */
const USER_CHANGE =
  /^(?:(?:ok|okay|now|then|so|please|pls|can you|could you|would you|will you|go ahead and|just)\s+)*(enable|re-?enable|disable|move|remove|delete)\s+(?:(?:sip:)?[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+|[a-z]+(?= (?:for|in|from) (?:lync|skype|sfb)\b)|(?<=re-?enable\s+)(?!(?:logging|tracing|it|that|this|them|passive|auth|kerberos|ntlm|the|my|our)\b)[a-z]+(?=(?: (?:please|pls|for me|again|now|asap))*\s*[?.!]*$))/;
/** "grant carol the PassiveAuthUsers mobility policy": a policy assigned to someone, by its kind. */
const POLICY_GRANT =
  /^(?:(?:ok|okay|now|then|so|please|pls|can you|could you|would you|will you|go ahead and|just)\s+)*(?:grant|assign|give|apply)\s+(?!(?:me|us|you|it|a|an|the|some|any)\b)(?:[a-z0-9._%+@-]+\s+){1,2}?(?:the\s+|a\s+)?(?:[a-z0-9_-]+\s+)?(mobility|client|conferencing|external ?access|voice|presence|pin|archiving|location|mobility)\s+policy\b/;
const USER_CHANGE_CMDLET: Record<string, string> = { reenable: 'Set-CsUser', 're-enable': 'Set-CsUser', enable: 'Enable-CsUser', disable: 'Disable-CsUser', move: 'Move-CsUser', remove: 'Disable-CsUser', delete: 'Disable-CsUser' };
/** The words before a request to the bot ("ok", "can you", "just"). */
const ASKED = '^(?:(?:ok|okay|now|then|so|fine|please|pls|hey|can you|could you|would you|will you|go ahead and|just|and)[,.]?\\s+)*';
/**
 * Changes asked for in plain words, without the cmdlet's name: "revoke carol's client certificate",
 * "unlock dave's pin", "start cls logging on lync3", "ok apply that fix", "set usewindowsauth to none".
 * Each is refused like a named cmdlet, naming the one that would do it where the documents name one.
 */
/** `setting`: the setting a change names, which an article must name too to follow the refusal. */
/** `explained`: what the knowledge base says of the case follows the refusal (how to find what locks the account). */
const PLAIN_CHANGES: ReadonlyArray<{ pattern: RegExp; change: (match: RegExpExecArray) => string; setting?: (match: RegExpExecArray) => string; explained?: true }> = [
  // ("can you unlock bob's AD account": Active Directory, which the bot neither reads nor changes.)
  { pattern: new RegExp(`${ASKED}unlock\\s+(?!my\\b)(?:\\S+\\s+){0,2}?(?:(?:ad|active directory|windows|domain|user|users)\\s+)?account\\b`), change: () => 'unlocking an account in Active Directory', explained: true },
  { pattern: new RegExp(`${ASKED}revoke\\s+(?:\\S+\\s+){0,3}?(?:(?:lync|client|user|his|her|their)\\s+)*cert(?:ificate)?s?\\b`), change: () => 'Revoke-CsClientCertificate' },
  { pattern: new RegExp(`${ASKED}(?:unlock|reset|lock)\\s+(?!my\\b)(?:\\S+\\s+){0,2}?(?:(?:client|lync|dial-?in|conferencing|smart ?card|card)\\s+)?pins?\\b`), change: () => 'locking, unlocking or resetting a PIN' },
  { pattern: new RegExp(`${ASKED}(?:fix|repair|sort out|correct|reset)\\s+(?:the\\s+|his\\s+|her\\s+|their\\s+|this\\s+|that\\s+)?(?:users?\\s+|users\\s+)?(?:lync\\s+)?account(?:\\s+(?:yourself|for me|for us|please|pls|now))*\\s*[?.!]*$`), change: () => 'fixing an account' },
  // ("can you make carol enabled again": re-enabling is Set-CsUser's -Enabled, as for "re-enable".)
  { pattern: new RegExp(`${ASKED}make\\s+(?!me\\b|my\\b|it\\b|that\\b|this\\b|sure\\b)[a-z0-9._%+@-]+\\s+(?:(?:a|an|the)\\s+)?(?:enabled|disabled|re-?enabled)(?:\\s+(?:again|for lync|in lync|please|pls))*\\s*[?.!]*$`), change: () => 'Set-CsUser' },
  { pattern: new RegExp(`${ASKED}(start|stop)\\s+(?:the\\s+|a\\s+|some\\s+)?(?:cls|centrali[sz]ed logging)\\b`), change: (match) => `${match[1] === 'stop' ? 'Stop' : 'Start'}-CsClsLogging` },
  { pattern: new RegExp(`${ASKED}(?:apply|run|do|make|implement|execute|push)\\s+(?:that|the|this|your|those|these)\\s+(?:suggested\\s+|recommended\\s+)?(?:fix|fixes|change|changes|remediation)\\b(?!\\s+(?:safe|ok|okay|right|correct)\\b)(?![^?]*\\?)`), change: () => 'applying the fix' },
  // ("set my status to away" names no setting: a setting is one long word, "usewindowsauth", "tracinglevel".)
  // (Nor is "set UseWsFedPassiveAuth to true but mobile clients never get redirected": what was done, and
  // what happened since.)
  { pattern: new RegExp(`${ASKED}set\\s+(?:the\\s+)?([a-z][a-z0-9]{10,})\\s+(?:to|=)\\s+\\S+(?!.*\\b(?:but|yet|still|already|though|however|and now|now (?:it|they|the|users?|clients?|mobile|lync))\\b)`), change: (match) => `changing ${match[1]}`, setting: (match) => match[1]! },
];

/** A Lync cmdlet that changes something: everything but Get-, Test- and Debug- (the bot runs only Get-Cs*). */
const CHANGING_CMDLET = /\b((?:set|new|remove|grant|revoke|invoke|enable|disable|start|stop|move|update|install|import|export|publish|register|unregister|reset|clear|merge|sync|approve|lock|unlock)-cs[a-z]+)\b/i;
/** Stopping or starting a server's services: a change, whatever cmdlet or tool would do it. */
const SERVICE_CHANGE = /^(?:(?:ok|okay|now|then|so|please|pls|can you|could you|would you|will you|go ahead and|just)\s+)*(restart|reboot|stop|start|kill|bounce|recycle)\s+(?:the\s+)?(rtcsrv|rtc\w*|front ?end(?: service| services| server)?|frontend|lync services?|lync server(?: services?)?|iis|w3svc|app ?pools?|front end pool)\b/i;
/** The read cmdlets about one user, which `check user` runs for the caller. */
const READ_USER_CMDLET = /\bget-cs(?:user|userpoolinfo|effectivepolicy|clientcertificate)\b/i;
/** Asking the bot itself to run it ("run …", "can you execute …"), not asking whether to ("should i run …"). */
const RUN_IT = /^(?:(?:ok|okay|now|then|so|please|pls|can you|could you|would you|will you|go ahead and|just)\s+)*(?:run|execute|invoke|fire|launch|apply)\b/i;

/** "show me the open tickets", "whats in the queue", "any handoffs waiting": the ticket list. */
const TICKET_LIST = /^(?:(?:ok|so|hey|hi|pls|please|can you|could you|just)\s+)*(?:(?:show|list|see|view|give)(?: me)?|what ?s|what is|what are|whats|any|anything|are there any|is there anything)\s+(?:(?:sitting|waiting|left|open|pending|new)\s+)?(?:(?:for us|for me|right now)\s+)?(?:(?:the|all|my|our|in|any)\s+)*(?:(?:open|new|waiting|pending|current)\s+)?(?:tickets|queue|hand ?offs|handoffs)\b/i;

/** "what tickets are open right now", "which handoffs are still waiting": the ticket list, asked the other way round. */
const TICKETS_OPEN = /^(?:(?:ok|so|hey|hi|whatever)[,.!]?\s+)*(?:what|which) (?:tickets|hand ?offs|handoffs) (?:are|do we have|have we got|is)(?: still)? ?(?:open|waiting|pending|left|there)?\b/i;
/** "anything waiting?", "whats new today", "anything urgent": from staff, the queue (nothing else in the message). */
const QUEUE_SHORT = /^(?:(?:ok|so|hey|hi|morning|good morning|right)[,.!]?\s+)*(?:(?:anything|any ?thing|whats|what s|what is|is there anything|got anything)\s+(?:(?:still|else)\s+)?(?:new|waiting|pending|open|in|for (?:us|me)|urgent|important|that needs? (?:me|us|attention)|needing (?:me|us|attention))|(?:anyone|anybody|someone|somebody) (?:still )?waiting)(?:\s+(?:for (?:us|me)|today|now|right now|this morning))*\s*[?.!]*$/i;

/** "queue pls", "open tickets?", "my tickets": the queue named and nothing else. */
const QUEUE_BARE = /^(?:(?:ok|so|hey|hi)[,.!]?\s+)*(?:(?:the|any|my|our)\s+)?(?:(?:open|new|waiting|pending)\s+)?(?:queue|tickets|hand ?offs|handoffs)(?:\s+(?:pls|please|plz|now|again|today))*\s*[?.!]*$/i;

/** A hand-off reference ("H-YZ4WP9"). */
const TICKET_REF = /\b(h-[0-9a-z]{6})\b/i;
/** "take H-YZ4WP9", "i'll grab H-…": taking a ticket (offered, not run: it changes who owns it). */
export const TAKE_TICKET = /\b(?:take|grab|claim|pick up|pick it up|assign (?:it |that |the [a-z ]+ )?to me|ill take|i ll take|ill grab|i ll grab|ill have|ill do|i ll do|ill handle|i ll handle|handle|deal with|mine)\b/i;
/** "close H-…", "mark H-… resolved". */
export const RESOLVE_TICKET = /\b(?:resolve|resolved|close|closed|done with|mark (?:it |that |the [a-z ]+ )?(?:as )?(?:resolved|done|closed|fixed))\b/i;
/** "pull up ticket H-…", "whats H-… about": reading one ticket. */
const SHOW_TICKET = /\b(?:show|pull up|open|see|view|look at|whats|what is|what s|details|about)\b/i;
/** "show me the audit for today", "show the last 20 audit entries": the audit, with the count asked. */
const AUDIT_SHOWN = /^(?:(?:ok|okay|and|now|can you|could you|pls|please)\s+)*(?:show|see|view|list|open|pull up|give|display|get)(?: me| us)?(?: the)?(?: (?:last|latest|recent|newest))?(?: (\d{1,3}))?(?: (?:last|latest|recent|newest))? audit(?: (?:entries|entry|lines|items|list))?(?: (?:for |from )?(?:today|this (?:morning|week)|lately|recently|please|pls))?\s*[?.!]*$/i;
/** "who's been running checks lately", "show me the audit log", "show me what you ran today". */
const AUDIT = /\baudit (?:log|trail|records?)\b|\bwho(?: s| has|s)?(?: been)? (?:running|ran|run) (?:the )?(?:checks|commands)\b|\b(?:recent|last few|latest|last) (?:checks|commands)(?: (?:people|users|folks|admins|agents|others|everyone|anyone|we|i|you|they))? (?:run|ran|have run|were run)\b|\bwhat (?:checks|commands) (?:have been|were|got) run\b|\bwhat (?:did|have|has) (?:people|users|folks|admins|agents|others|everyone|anyone|the team|we) (?:run|ran|been running)\b(?! into)|\bwho ran what\b|\bwhat (?:was|were) the last (?:thing|things|checks?|commands?) (?:i|we) (?:ran|run)\b|\bwhat did i (?:just |last )?run\b(?! into)|\bwhat (?:checks |commands )?(?:was|were|has been|have been|got) run\b|\bwhat(?:s| s| has| have) been (?:run|ran)\b|\bwhat (?:checks |commands )?ran (?:today|yesterday|this (?:morning|week)|lately|recently)\b|\bwhat (?:checks |commands )?(?:did |have |has )?(?:you|u|the bot) (?:just |last |already )?(?:run|ran|been running|checked|check)\b(?! into)/i;
/** "how has the bot been doing", "how many handoffs this month", "what are people asking that it cant answer". */
/** "how many tickets are open": the open tickets (their count heads the list), not the month's report. */
const HOW_MANY_OPEN = /\bhow many (?:open |pending |waiting |new )(?:tickets|hand ?offs|handoffs)\b|\bhow many (?:tickets|hand ?offs|handoffs) (?:are |do we have |have we got |is |are there )?(?:still )?(?:open|waiting|pending|left|in the queue)\b/i;
const REPORT = /\b(?:show|give|get|send|run|pull)(?: me| us)? (?:the|a) (?:helpdesk |usage |bot )?report\b|\bwhat(?:s| is| s) (?:in )?the (?:helpdesk |usage |bot )?report\b|\bthe (?:helpdesk |usage |bot )?report for (?:the |this |last |past |today)|\bhow(?: has| is| s|s) the bot (?:been )?doing\b|\bhow many (?:hand ?offs|handoffs|tickets)\b|\bwhat (?:are|do) (?:people|users) (?:asking|ask)\b|\b(?:usage|helpdesk|weekly|monthly) report\b|\bunanswered questions\b|\busage (?:numbers|figures|stats|statistics)\b|\bhow (?:are|have) we (?:been )?doing (?:this|last) (?:week|month)\b|\bhow many (?:people|users|questions|times|folks|customers)(?: have| has)? (?:asked|ask|been asking|came|come)\b|\bwhat (?:did|have) (?:people|users|folks) (?:asked|ask) (?:about )?(?:the )?(?:most )?(?:this|last|today|yesterday)\b|\b(?:most|top) (?:asked|common|frequent|popular) (?:questions|topics|issues|problems)\b|\bwhat (?:do|did|are|have) (?:people|users|folks) (?:ask|asked|asking) (?:about )?(?:the )?most\b/i;
/** "what checks do we have scheduled", "list the schedules", "when is the next scheduled check". */
const SCHEDULES = /\b(?:what|whats|what s|which|any|list|show)(?: me)?(?: the)? (?:checks? |commands? )?(?:do we have |are |have we got |is )?scheduled\b|\b(?:list|show)(?: me)?(?: the| all| our)? schedules\b|\bwhat schedules\b|\bwhat (?:have|has) (?:i|we) got scheduled\b|\bwhat do (?:i|we) have scheduled\b|\b(?:when|what time)(?: is| s|s)? the next (?:scheduled )?(?:check|run|checks)\b|\bnext scheduled (?:check|run)s?\b|\bwhen (?:do|does|will) the (?:scheduled )?(?:checks?|schedules?) (?:run|go)\b/i;
/** "are the server checks even up right now", "is powershell working". */
const CHECKS_UP = /\b(?:are|is) (?:the )?(?:(?:server|powershell|pwsh|lync) )*(?:checks|powershell|pwsh)(?: even)? (?:up|running|working|available|ready|warm|ok|online|down|broken)\b/i;

/** Words after "look up" or "check" that are not someone's name ("look up the logs", "check my account"). */
const NOT_SOMEONE = new Set(
  'the my our your his her their this that these those it its me us them him everything anything something again pool pools lync skype logs log dns cert certs certificate settings server servers status time clock all users user account accounts tickets ticket queue audit schedules report why if whether what how where when who which and or for on in to please pls auth passive adfs kerberos ntlm web mobile phone iphone android ipad surface windows smart card pin password domain admin service guest meeting test he she they we you i logging tracing lobby voice presence federation mfa otp oauth tls sso autodiscover lyncdiscover enterprise conferencing archiving monitoring edge proxy trust sefautil cls cms ucwa mobility'.split(' '),
);
const POLITE = `^(?:(?:hey|hi|ok|okay|so|pls|please|can|could|would|will)\\s+)*(?:(?:you|u)\\s+)?(?:(?:please|pls|quickly|just)\\s+)?`;
/** "can u look up jsmith", "pull up erin": one person looked up by a name alone. */
const LOOK_UP_NAME = new RegExp(`${POLITE}(?:look up|lookup|pull up)\\s+(?:the\\s+)?(?:user\\s+)?([a-z][a-z0-9._-]{1,30})(?:\\s+(?:for me|please|pls|real quick|quickly))?\\s*[?.!]*$`);
/** "can you check john smith's account", "look at bobs login": someone's account, named and nothing more. */
const CHECK_NAMED_ACCOUNT = new RegExp(`${POLITE}(?:check|check on|look at|look into|test|verify)\\s+([a-z][a-z0-9._-]{1,30}?)(?:\\s+([a-z][a-z0-9._-]{1,30}?))?s?\\s+(?:account|user account|login|sign ?in|(?:lync|skype) (?:account|login|sign ?in))(?:\\s+(?:for me|please|pls|real quick|quickly|asap|now))*\\s*[?.!]*$`);

/** How one user's Lync account stands, which `check user` reads: enabled, homed, allowed to sign in. */
const USER_STATE = `(?:(?:still|even|actually|really|properly)\\s+)?(?:enabled|disabled|set up|provisioned|homed|allowed to (?:use|sign in|log in)|able to (?:use|sign in|log in)|blocked|locked out)`;
/** "…if bob can sign in", "…whether erin cant use lync": whether someone's sign-in works, which `check user` reads. */
const CAN_SIGN_IN = `(?:can|cant|cannot|can not|could|couldnt|is able to|isnt able to)\\s+(?:(?:sign|log)\\s?(?:in|on)|use (?:lync|skype)|get (?:in|into lync|on lync))\\b`;
/** "can you see if ken is enabled for lync", "find out whether erin is set up": someone, and how their account stands. */
// ("check every morning that alice is still enabled": a schedule asked for, said before the person.)
const SEE_IF_NAMED = new RegExp(`${POLITE}(?:see|check|find out|tell me|verify|confirm|make sure)\\s+(?:(?:every|each)\\s+(?:morning|day|hour|evening|night)\\s+|daily\\s+|hourly\\s+)?(?:if|whether|that)\\s+([a-z][a-z0-9._-]{1,30}?)(?:\\s+([a-z][a-z0-9._-]{1,30}?))?\\s+(?:(?:is|was|has been|got)\\s+${USER_STATE}\\b|${CAN_SIGN_IN})`);
/**
 * "can you see why bob can't sign in?", "bob cant sign in, can you check him": why someone's sign-in
 * fails, asked of the one who can read their account. (Not "why can't i sign in": the asker's own.)
 */
const WHY_NAMED_CANT = new RegExp(
  `${POLITE}(?:(?:see|check|find out|figure out|work out|tell me|look into|look at)\\s+)?why\\s+([a-z][a-z0-9._-]{1,30}?)(?:\\s+([a-z][a-z0-9._-]{1,30}?))?\\s+(?:cant|cannot|can not|isnt able to|is unable to|couldnt|wont|doesnt)\\s+(?:(?:sign|log)\\s?(?:in|on)|get in|use (?:lync|skype))\\b[^,.;]*[?.!]*$` +
    `|^([a-z][a-z0-9._-]{1,30}?)(?:\\s+([a-z][a-z0-9._-]{1,30}?))?\\s+(?:cant|cannot|can not|couldnt|is unable to|isnt able to)\\s+(?:sign|log)\\s?(?:in|on)\\b[^,.;?]*[,.;]?\\s+(?:(?:can|could|would)\\s+(?:you|u)\\s+|pls\\s+|please\\s+)?(?:check|look at|look into)\\s+(?:him|her|them|their account|his account|her account)\\b`,
);
/** "is ken enabled for lync?": the same asked straight (could name a topic, "is tracing enabled"). */
const IS_NAMED = new RegExp(`^(?:(?:hey|hi|ok|so|quick question)[,.]?\\s+)?(?:is|was)\\s+([a-z][a-z0-9._-]{1,30}?)(?:\\s+([a-z][a-z0-9._-]{1,30}?))?\\s+${USER_STATE}\\b(?:\\s+(?:for|in|on|to)\\s+(?:lync|skype)(?:\\s+(?:server|at all))?)?(?:\\s+(?:at all|now|yet|right now))?\\s*[?.!]*$`);

/** A pool, named as one: "the pool", "our front end pool", "the registrar". */
const A_POOL = `(?:the |our |my |that )?(?:lync |skype |front ?end |fe |registrar |se |enterprise )*(?:pools?|registrar|front ?end(?: server)?)`;
/** "is the pool ok?", "check the pool settings", "how's our front end pool doing": a pool asked after without its name. */
const POOL_UNNAMED = new RegExp(
  `^(?:(?:hey|hi|ok|okay|so|quick question|quick one|can you|could you|would you|pls|please|just)[,.]?\\s+)*(?:` +
    `(?:is|are) ${A_POOL} (?:ok|okay|fine|alright|all right|healthy|up|down|working|running|broken|good|set up (?:right|correctly|ok))` +
    `|(?:check|test|look at|verify|inspect|sanity check|health ?check) ${A_POOL}(?: (?:settings|config|configuration|auth(?:entication)? settings|health|status))?` +
    `|how(?: is|s| s) ${A_POOL}(?: doing| looking)?` +
    `)(?:\\s+(?:now|today|right now|at the moment|for me|please|pls|again))*\\s*[?.!]*$`,
);

/** A pool asked after by what it is, not by its FQDN, which `check pool` needs (see POOL_UNNAMED). */
export function poolNamedWithoutHost(typed: string): boolean {
  const text = typed.trim().toLowerCase().replace(/[’']/g, '');
  return !HOST.test(text) && !ADDRESS.test(text) && POOL_UNNAMED.test(text);
}

/** A message that is only a server's name ("lyncpool01.contoso.com", "its pool01.contoso.dk"): the pool asked for. */
const BARE_HOST = /^(?:(?:ok|okay|sure|yes|yeah|yep|sorry|oh|so|and|then|now|try|use|what about|how about|here|here it is|it ?s|it is|its|thats|that ?s|that is|the pool is|pool is|the fqdn is|fqdn is|pool|fqdn)[\s:,.-]+)*((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){2,}[a-z]{2,})(?:\s+(?:please|pls|thanks|thx|i think|maybe))?\s*[?.!]*$/i;

/** The pool's FQDN when the message is only that name (three labels or more: "contoso.com" is a domain). */
export function bareHost(typed: string): string | undefined {
  return BARE_HOST.exec(typed.trim().toLowerCase().replace(/[’']/g, ''))?.[1];
}

/**
 * A user to check, named without the sign-in address `check user` needs. `certain`: said as someone's
 * account ("check john smith's account"); a bare "look up jsmith" could also name a topic, so the
 * knowledge base may answer it first. `name`: the word or two taken for the person.
 */
export function userNamedWithoutAddress(typed: string): { certain: boolean; name: string } | undefined {
  const text = typed.trim().toLowerCase().replace(/[’']/g, '');
  if (ADDRESS.test(text) || HOST.test(text)) return undefined;
  const account = CHECK_NAMED_ACCOUNT.exec(text) ?? SEE_IF_NAMED.exec(text);
  const why = account ? null : WHY_NAMED_CANT.exec(text);
  const match = account ?? why ?? LOOK_UP_NAME.exec(text) ?? IS_NAMED.exec(text);
  if (!match) return undefined;
  const names = why ? [why[1] ?? why[3], why[2] ?? why[4]] : [match[1], match[2]];
  if (names.some((name) => name !== undefined && NOT_SOMEONE.has(name))) return undefined;
  return { certain: account !== null || why !== null, name: names.filter(Boolean).join(' ') };
}

/**
 * `about`: the request without the address or host it names, which says where to look, not what about.
 * `listing`: a read-only list asked for by name, run as it is.
 */
export type CommandRequest = { kind: 'command'; command: string; about: string } | { kind: 'listing'; command: string } | { kind: 'capabilities' } | { kind: 'changes'; cmdlet: string; service?: boolean; described?: boolean; setting?: string; explained?: true };

/** At most this many words: a longer message is a question about something, not a request to check. */
const MAX_WORDS = 30;

export function commandRequested(typed: string): CommandRequest | undefined {
  const request = requested(typed);
  // "run a check on lync-int.contoso.dk every day at 6": that check on a schedule (offered like any other).
  // (Asked for as a task, "run …", "schedule …": "ken@contoso.dk fails every day at 9" asks for no schedule.)
  const asTask = /^(?:(?:ok|so|also|please|pls|can you|could you|would you|i want you to|lets)\s+)*(?:run|schedule|do|check|set up|test|watch|monitor|keep an eye on|keep checking)\b/i.test(typed.trim());
  const failing = /\b(?:fail\w*|errors?|happens|breaks|crash\w*|drops|stops)\s+(?:\w+\s+)?(?:every|daily|each|hourly)\b/i.test(typed);
  const cadence = asTask && !failing && request?.kind === 'command' && /^check (?:pool|user) /.test(request.command) ? cadenceOf(typed.toLowerCase()) : undefined;
  return cadence && request?.kind === 'command' ? { ...request, command: `schedule ${request.command} ${cadence}`, about: '' } : request;
}

function requested(typed: string): CommandRequest | undefined {
  if (typed.split(/\s+/).length > MAX_WORDS) return undefined;
  // Contractions without their apostrophe ("can't" as "cant"); names are not case-sensitive.
  const text = typed.toLowerCase().replace(/[’']/g, '');
  // (Matched on the message as typed, so the cmdlet is named back as the user wrote it.)
  const changing = CHANGING_CMDLET.exec(typed);
  // ("Remove-CsUser ken": typed as the command itself, it is asked to be run as much as "run …" asks.)
  // ("set-csuser -enabled $true right?" asks whether it is right, not for it to be run.)
  const typedAsCommand = changing !== null && text.trimStart().startsWith(changing[1]!.toLowerCase()) && !/\?|\b(?:right|correct|ok|okay)\s*$/.test(text.trim());
  if (changing && (RUN_IT.test(text) || typedAsCommand)) return { kind: 'changes', cmdlet: changing[1]! };
  // "restart rtcsrv", "can you bounce the front end service": a server's service stopped or started.
  const serviceChange = SERVICE_CHANGE.exec(text);
  if (serviceChange) return { kind: 'changes', cmdlet: `${serviceChange[1]} ${serviceChange[2]}`, service: true };
  // "please enable dave@contoso.dk for lync": a user's account changed, which is a change cmdlet's work.
  const granted = POLICY_GRANT.exec(text);
  if (granted) return { kind: 'changes', cmdlet: `Grant-Cs${granted[1]!.replace(/\s+/g, '').replace(/^./, (first) => first.toUpperCase()).replace('access', 'Access')}Policy` };
  const userChange = USER_CHANGE.exec(text);
  if (userChange) return { kind: 'changes', cmdlet: USER_CHANGE_CMDLET[userChange[1]!]! };
  for (const { pattern, change, setting, explained } of PLAIN_CHANGES) {
    const match = pattern.exec(text);
    if (match) return { kind: 'changes', cmdlet: change(match), ...(/^[A-Za-z]+-Cs[A-Za-z]+$/.test(change(match)) ? {} : { described: true }), ...(setting ? { setting: setting(match) } : {}), ...(explained ? { explained } : {}) };
  }
  if (CAPABILITIES.test(text)) return { kind: 'capabilities' };
  if (WHOAMI.test(text) || ROLE_WANTED.test(text)) return { kind: 'listing', command: 'whoami' };
  if (CANCEL_SCHEDULE.test(text)) return { kind: 'listing', command: 'schedules' };
  // Sentence by sentence: "morning. whats in the queue?" asks for it after a greeting.
  if (text.split(/[.!?;]+/).some((sentence) => TICKET_LIST.test(sentence.trim()) || TICKETS_OPEN.test(sentence.trim())) || QUEUE_SHORT.test(text.trim()) || QUEUE_BARE.test(text.trim())) return { kind: 'listing', command: 'tickets' };
  const ref = TICKET_REF.exec(text)?.[1]?.toUpperCase();
  if (ref) {
    if (RESOLVE_TICKET.test(text)) return { kind: 'command', command: `ticket resolve ${ref}`, about: '' };
    if (TAKE_TICKET.test(text)) return { kind: 'command', command: `ticket take ${ref}`, about: '' };
    if (SHOW_TICKET.test(text) || /\bticket\b/.test(text)) return { kind: 'listing', command: `ticket show ${ref}` };
  }
  if (AUDIT.test(text)) return { kind: 'listing', command: 'audit' };
  const shown = AUDIT_SHOWN.exec(text);
  if (shown) return { kind: 'listing', command: shown[1] ? `audit ${Math.min(100, Number(shown[1]))}` : 'audit' };
  if (HOW_MANY_OPEN.test(text)) return { kind: 'listing', command: 'tickets' };
  if (REPORT.test(text)) {
    const days = reportDays(text);
    return { kind: 'listing', command: days ? `report ${days}` : 'report' };
  }
  if (SCHEDULES.test(text)) return { kind: 'listing', command: 'schedules' };
  if (CHECKS_UP.test(text)) return { kind: 'listing', command: 'checks status' };
  const address = ADDRESS.exec(text)?.[1];
  if (address) {
    const about = text.split(address).join(' ').replace(/\bsip:\s/g, ' ');
    // "where does grace@contoso.dk get her policies from" is a look at her policies, however it is put.
    if (POLICIES.test(text)) return { kind: 'command', command: `show policies ${address}`, about };
    // ("is bob@contoso.com enabled for lync", "what pool is erin@contoso.dk on": how that account stands.)
    // ("run Get-CsUser sip:ken@contoso.dk": the read cmdlet named is what `check user` runs.)
    if (LOOK.test(text) || WHY_USER.test(text) || ADDRESS_STATE.test(text) || READ_USER_CMDLET.test(text)) return { kind: 'command', command: `check user ${address}`, about };
    // "bob@contoso.com" on its own names the user to look at and asks nothing of the knowledge base.
    if (bareAddress(typed)) return { kind: 'command', command: `check user ${address}`, about: '' };
    return undefined;
  }
  const host = HOST.exec(text.replace(ADDRESS, ' '))?.[1];
  if (!host) return undefined;
  // "is passive auth on for lync-int.contoso.dk?": how a pool's setting stands is what `check pool` reads.
  // ("and the pool lync-int.contoso.dk, is passive auth set up right there?": asked in a clause of its own.)
  const asksState = POOL_STATE.test(text) || text.split(/[,;]\s*/).some((clause) => POOL_STATE.test(clause.trim()));
  if (host.split('.').length >= 3 && asksState && POOL_WORDS.test(text)) return { kind: 'command', command: `check pool ${host}`, about: text.split(host).join(' ') };
  // "is lync2-int.contoso.dk ok?": how a server stands, which `check pool` reads.
  if (host.split('.').length >= 3 && HOST_HEALTH.test(text.split(host).join(' HOST ').trim())) return { kind: 'command', command: `check pool ${host}`, about: '' };
  const about = text.split(host).join(' ');
  // "is sip.contoso.com resolving ok", "does lyncdiscover.contoso.com resolve from outside": how a name
  // stands in DNS or from the internet is what the probe looks at.
  if (ASKS_STATE.test(text) && PROBE_WORDS.test(about)) return { kind: 'command', command: `probe ${sipDomainOf(host)}`, about: beyondProbe(about) };
  // ("what's wrong with sip.contoso.com" asks the bot to look as much as "check" does.)
  if (!LOOK.test(text) && !WHY_USER.test(text)) return undefined;
  if (PROBE_WORDS.test(text)) return { kind: 'command', command: `probe ${sipDomainOf(host)}`, about: beyondProbe(about) };
  // "sip.contoso.com", "lyncdiscover.contoso.com": a SIP domain's own DNS names, which the probe looks at.
  if (LYNC_RECORD.test(host) && !POOL_WORDS.test(text)) return { kind: 'command', command: `probe ${sipDomainOf(host)}`, about: beyondProbe(about) };
  if (POOL_WORDS.test(text)) return { kind: 'command', command: `check pool ${host}`, about };
  // "check contoso.com for sign in problems": a bare domain (two labels) is no server; probing it is the look there is.
  if (host.split('.').length === 2) return { kind: 'command', command: `probe ${host}`, about: beyondProbe(about) };
  // "sanity check lync-int.contoso.dk": a server's name (three labels or more) is a pool to check.
  if (host.split('.').length >= 3) return { kind: 'command', command: `check pool ${host}`, about };
  return undefined;
}

/**
 * "report for the last 7 days", "report this week": the report command with its period in words, which
 * its own parser would refuse ("takes at most 1 argument"). Read as `report <days>`.
 */
export function reportInWords(typed: string): string | undefined {
  const text = typed.trim().toLowerCase();
  if (!/^(?:the )?report\s+\S/.test(text) || /^report\s+\d{1,3}\s*$/.test(text)) return undefined;
  const days = reportDays(text);
  return days ? `report ${days}` : undefined;
}

/** "this week", "today", "the last 14 days": the days a report asked for in words covers (none: its default). */
function reportDays(text: string): number | undefined {
  const counted = /\b(?:(?:last|past)|(?:for|over|from|covering)(?: the)?(?: last| past)?)\s+(\d{1,3})\s+days?\b/.exec(text);
  if (counted) return Math.min(365, Math.max(1, Number(counted[1])));
  if (/\btoday\b/.test(text)) return 1;
  if (/\b(?:this|last|past) week\b/.test(text)) return 7;
  if (/\b(?:this|last|past) (?:two|2) weeks\b|\bfortnight\b/.test(text)) return 14;
  // ("this month" is the report's own default, 30 days.)
  if (/\b(?:this|last|past) (?:quarter|three months|3 months)\b/.test(text)) return 90;
  if (/\b(?:this|last|past) year\b/.test(text)) return 365;
  return undefined;
}

/** A yes/no question about how something stands: "is …", "does …", "can clients …". */
const ASKS_STATE = /^(?:(?:hey|hi|ok|so|quick (?:one|question))[,.:]?\s+)?(?:is|are|does|do|can|will)\b/;
/** Lync's own DNS names in front of a SIP domain ("sip.contoso.com", "lyncdiscover.contoso.com"). */
const LYNC_RECORD = /^(?:sip|sipinternal|sipexternal|lyncdiscover|lyncdiscoverinternal|access|webext|meet|dialin)\./;

/** The SIP domain a probe looks at: "sip.contoso.com" names contoso.com's record, not a domain of its own. */
function sipDomainOf(host: string): string {
  return host.split('.').length >= 3 && LYNC_RECORD.test(host) ? host.replace(LYNC_RECORD, '') : host;
}

/** Words that make a request to look at someone, not what about them: "can you see if anything's wrong with erin's account". */
const LOOK_REQUEST_WORDS = new Set(
  'can could would will you please pls kindly check checking look see test verify watch watching monitor keep eye also inspect examine diagnose validate find out tell me if whether is are was anything anythings something whats what why wrong with the a an his her their hers theirs s account accounts user users login logins for on at of in to and or it up into sign signing log logging cant cannot wont not get able settings setup ok okay hi hey quick quickly just real my me im mine u'.split(
    ' ',
  ),
);

/**
 * Whether the rest of a request says enough to search the knowledge base as well: two words of its
 * own at least. "anything wrong with erin's account" says nothing an article could answer, and a
 * search of it finds an article on some other "wrong account".
 */
/**
 * What a request to probe a domain says beyond what the probe looks at: "is contoso.dk dns ok from
 * outside" asks nothing more (a search of "dns ok from outside" found an article on trust prompts).
 */
function beyondProbe(about: string): string {
  return about.replace(new RegExp(PROBE_WORDS.source, 'gi'), ' ').replace(/\b(?:ok|okay|fine|right|correct|working|works|good|healthy|set up|configured|from|the|internet|outside)\b/gi, ' ');
}

export function aboutWorthSearching(about: string): boolean {
  const words = about.toLowerCase().replace(/[’']/g, '').split(/[^a-z0-9.-]+/).filter((word) => word.length > 1 && !LOOK_REQUEST_WORDS.has(word));
  return words.length >= 2;
}

/**
 * "and dave?", "ok now do bob", "same for carol@contoso.dk" right after a command about one user: the
 * same command for another. A bare name takes the last address's domain.
 */
// A cue is needed ("and …", "now do …", "what about …", "… too"): "cool" or "weird" after a result is no name.
const ANOTHER_USER = /^(?:(?:ok|okay|then|also|so)\s+)*(and|now|(?:and\s+)?(?:now\s+)?do|what about|how about|same for|same with|try|check|run it for|now for)\s+(?:for\s+)?([a-z][a-z0-9._'-]{1,40}(?:@[a-z0-9-]+(?:\.[a-z0-9-]+)+)?)(?:\s+(?:too|as well|please|pls|again|now))*\s*[?.!]*$|^([a-z][a-z0-9._'-]{1,40}(?:@[a-z0-9-]+(?:\.[a-z0-9-]+)+)?)\s+(?:too|as well)\s*[?.!]*$/i;
const NOT_A_NAME = new Set('yes no ok okay thanks thank thx done next back stop cancel help what why how it that this them him her one all both'.split(' '));

/** "check her again", "run it again", "once more": the last command, as it was. */
const ONCE_MORE = /^(?:(?:ok|okay|so|then|now|can you|could you|pls|please)\s+)*(?:(?:check|run|do|try|test)\s+(?:(?:her|him|them|it|that|this|the same|the same one|that one|the check|the pool|the user)\s+)?(?:again|once more)|again|once more|same again|one more time)(?:\s+(?:please|pls|now))*\s*[?.!]*$/;

export function sameCommandFor(typed: string, lastCommand: string): string | undefined {
  const text = typed.trim().toLowerCase();
  if (ONCE_MORE.test(text)) return lastCommand.trim();
  const last = /^(check user|show policies)\s+(?:sip:)?[a-z0-9._%+-]+@([a-z0-9.-]+)$/i.exec(lastCommand.trim());
  if (!last) return undefined;
  if (text.split(/\s+/).length > 6) return undefined;
  const match = ANOTHER_USER.exec(text);
  const name = match?.[2] ?? match?.[3];
  if (!name || NOT_A_NAME.has(name)) return undefined;
  return `${last[1]} ${name.includes('@') ? name : `${name}@${last[2]}`}`;
}

/** "every morning at 7", "daily at 07:30", "every hour", "every 30 minutes": a schedule's cadence. */
function cadenceOf(text: string): string | undefined {
  const daily = /\b(?:every|each) (?:morning|day|weekday)(?: at)?|\bdaily(?: at)?|\bmornings? at\b/.test(text) ? /\b(?:at )?(\d{1,2})(?:[:.](\d\d))?\s*(am|pm)?\b/.exec(text.replace(/[a-z0-9.-]+\.[a-z]{2,}/g, ' ')) : null;
  if (daily) {
    let hour = Number(daily[1]);
    if (daily[3] === 'pm' && hour < 12) hour += 12;
    if (daily[3] === 'am' && hour === 12) hour = 0;
    if (hour > 23) return undefined;
    return `daily ${String(hour).padStart(2, '0')}:${daily[2] ?? '00'}`;
  }
  if (/\b(?:hourly|every hour)\b/.test(text)) return 'hourly';
  const minutes = /\bevery (\d{1,3}) ?(?:minutes|minute|mins|min)\b/.exec(text);
  return minutes ? `every ${minutes[1]} minutes` : undefined;
}

/** "watch erin", "keep an eye on dave", "monitor bob": whom a schedule asked for in words is about. */
const WATCH_SOMEONE = /\b(?:watch|monitor|keep an eye on|keep checking|check on|check)\s+([a-z][a-z0-9._'-]{1,40})\b/;
/** Words after "watch" or "check" that point at the last check rather than name someone. */
const NOT_A_TARGET = new Set('the that this pool user users again too also same every daily hourly each her his their them him it'.split(' '));

/**
 * "can you run that pool check every morning at 7" right after a check: that check on a schedule
 * (offered, never run on a reading of words: a schedule acts on its creator's authority).
 */
export function scheduleAsked(typed: string, lastCommand: string): string | undefined {
  const last = /^(check (?:pool|user))\s+(\S+)$/i.exec(lastCommand.trim());
  if (!last) return undefined;
  const text = typed.toLowerCase();
  // A message that names its own target ("schedule check pool lync-int.contoso.dk daily 07:00", "the
  // lync-int pool check") or the other kind of check is about that, never the last check's target.
  if (ADDRESS.test(text) || HOST.test(text) || /\b[a-z0-9]+-[a-z0-9-]+\b/.test(text.replace(/\b(?:e-mail|sign-in|log-in|re-run)\b/g, ' '))) return undefined;
  if ((/\bpool\b/.test(text) && /user/i.test(last[1]!)) || (/\b(?:user|users)\b/.test(text) && /pool/i.test(last[1]!))) return undefined;
  if (!/\b(?:schedule|scheduled|every|daily|hourly|each (?:morning|day))\b/.test(text)) return undefined;
  // ("stop the hourly one" asks for no schedule.)
  if (/\b(?:cancel|stop|remove|delete|drop|kill|turn off|get rid of|dont|do not|never ?mind|no need)\b/.test(text)) return undefined;
  const cadence = cadenceOf(text);
  if (!cadence) return undefined;
  // "also watch erin every 30 min": that user, not the last check's target. A bare name takes the last
  // user check's domain, or after a pool check the pool's own domain (lync-int.contoso.dk → contoso.dk):
  // only offered, with the address written out, so a wrong guess is seen before anything runs.
  const named = WATCH_SOMEONE.exec(text)?.[1];
  if (named && !NOT_A_NAME.has(named) && !NOT_A_TARGET.has(named)) {
    const domain = /^check user\s+(?:sip:)?[^@\s]+@(\S+)$/i.exec(lastCommand.trim())?.[1] ?? /^check pool\s+[^.\s]+\.([^.\s]+\.[^\s]+)$/i.exec(lastCommand.trim())?.[1];
    return domain ? `schedule check user ${named}@${domain.toLowerCase()} ${cadence}` : undefined;
  }
  return `schedule ${last[1]!.toLowerCase()} ${last[2]} ${cadence}`;
}

/** "she", "his", "that user": the user the last check was about. */
const THAT_USER = /\b(?:she|he|her|his|him|hers|they|them|their|that user|this user|the user|that account|this account)\b/;
/** What a look at one user reads: where they are homed, whether they are enabled, their policies. */
const USER_FACTS = /\b(?:pool|pools|homed|registrar|enabled|disabled|polic(?:y|ies)|sip address|account)\b/;

/**
 * "and what pool is she on", "is he even enabled?" right after a check of one user was offered or run:
 * the look at that user again (her policies, when those are asked about). Short questions only; a
 * longer message is a question of its own.
 */
export function aboutSameUser(typed: string, lastCommand: string): string | undefined {
  const last = /^(?:check user|show policies)\s+((?:sip:)?[a-z0-9._%+-]+@[a-z0-9.-]+)$/i.exec(lastCommand.trim());
  if (!last) return undefined;
  const text = typed.trim().toLowerCase().replace(/[’']/g, '');
  if (text.split(/\s+/).length > 12 || ADDRESS.test(text) || !THAT_USER.test(text) || !USER_FACTS.test(text)) return undefined;
  return `${POLICIES.test(text) ? 'show policies' : 'check user'} ${last[1]!.toLowerCase()}`;
}

/**
 * "why cant he sign in then" while a check of that user is offered and not run yet: the check is the
 * way to find out, so it is offered again (after it ran, the question is for the knowledge base).
 */
export function whyAboutOfferedUser(typed: string, offered: string): string | undefined {
  const last = /^check user\s+((?:sip:)?[a-z0-9._%+-]+@[a-z0-9.-]+)$/i.exec(offered.trim());
  if (!last) return undefined;
  const text = typed.trim().toLowerCase().replace(/[’']/g, '');
  if (text.split(/\s+/).length > 12 || ADDRESS.test(text) || !THAT_USER.test(text) || !WHY_USER.test(text)) return undefined;
  return `check user ${last[1]!.toLowerCase()}`;
}

/**
 * "and what pool is she on" while the bot still waits for that user's address: the same user, so the
 * address is asked for again (there is nothing to look at without it).
 */
export function aboutUserAwaitingAddress(typed: string): boolean {
  const text = typed.trim().toLowerCase().replace(/[’']/g, '');
  return text.split(/\s+/).length <= 12 && !ADDRESS.test(text) && THAT_USER.test(text) && (USER_FACTS.test(text) || WHY_USER.test(text));
}
