/**
 * Questions that ask for one kind of fact: a length of time, a number of attempts, a port, a key size,
 * a size, a minimum length, a registry key, a system version, a person, a price, a way to rename. An
 * article on the right subject that states no such fact cannot answer them ("how many days are AlwaysOn
 * logs kept" is not answered by the article that says AlwaysOn is on by default), so the answer must
 * hold a fact of the kind asked. Normalised text in (lower case, punctuation kept).
 */

interface FactKind {
  kind: string;
  /** The question asks for this kind of fact. */
  asks: RegExp;
  /** The article states one. */
  states: RegExp;
}

const TIME_UNIT = '(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)';

const FACT_KINDS: readonly FactKind[] = [
  {
    kind: 'duration',
    // "how long is the certificate good for", "how many minutes can the clock be off", "how often should i".
    asks: new RegExp(`\\bhow (?:long|often)\\b|\\bhow many ${TIME_UNIT}\\b|\\b(?:what|which|whats|what s|what's)(?: is| are)?(?: the)?(?: default| usual| maximum| max)? (?:expiry|expiration|validity|retention)(?: period| time)?\\b|\\b(?:what|which) (?:[a-z-]+ ){0,3}(?:timeout|time-out|time out|idle time)s?\\b`),
    states: new RegExp(`\\b\\d+(?:[.,]\\d+)?\\s*-?\\s*${TIME_UNIT}\\b|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|thirty|sixty) ${TIME_UNIT}\\b|\\b(?:hourly|daily|weekly|monthly|yearly|annually)\\b|\\b(?:an|a) (?:hour|day|week|month|year)\\b`),
  },
  {
    // "do the logs get cleaned up automatically or will they fill the disk": how long things are kept
    // before they go. An article that says where the logs are says nothing of that.
    kind: 'retention',
    asks: /\b(?:get|gets|are|is) (?:cleaned|deleted|purged|removed|overwritten|rotated)(?: up)? (?:automatically|on their own|by (?:itself|themselves))\b|\bautomatically (?:cleaned|deleted|purged|removed)\b|\bfill (?:up )?(?:the |my |its |our |their )?(?:[a-z]+ )?(?:disk|drive|storage)\b|\b(?:how long|how many days) (?:are|is|do|does) (?:[a-z0-9-]+ ){1,4}(?:kept|retained|stored)\b/,
    states: new RegExp(`\\b\\d+(?:[.,]\\d+)?\\s*-?\\s*${TIME_UNIT}\\b|\\b(?:retention|retained|kept for|deleted after|overwritten|circular|rolls? over|purged|cleaned up|disk space)\\b`),
  },
  {
    // "how do i restore the cms from backup": putting something back. An article on taking the backup
    // answers the other half.
    kind: 'restore',
    asks: /\b(?:restore|restoring|recover|recovering)\b/,
    states: /\b(?:restor[a-z]*|recover[a-z]*|import-cs[a-z]+)\b/,
  },
  {
    kind: 'size',
    // "how big can my mailbox be", "what's the max log file size": an amount of data or pixels.
    asks: /\bhow (?:big|large)\b|\b(?:biggest|largest|smallest|heaviest) (?:[a-z]+ )?(?:file|attachment|upload|transfer|photo|picture|image|mailbox|message)s?\b|\bwhat (?:image |photo |picture |screen )?resolution\b|\b(?:what|which|whats|max|maximum|min|minimum) (?:is the )?(?:(?!key )[a-z]+ )?(?:file )?size\b|\bhow much (?:space|storage|disk|room)\b|\bsize limits?\b/,
    states: /\b\d+(?:[.,]\d+)?\s*(?:kb|mb|gb|tb|bytes?|kilobytes?|megabytes?|gigabytes?|pixels?|px)\b|\b\d+\s*x\s*\d+\b/,
  },
  {
    kind: 'changeable',
    // "can the 60 second check be shortened", "can we hide the exit option": whether and how something can
    // be changed. An article that only describes it says nothing of that.
    asks: /^(?:so |and |but |ok )?(?:can|could) (?:we|i|you|one|an admin|admins|it|they|that|this|the [a-z0-9 -]{1,40}?) (?:be )?(?:shortened|lengthened|weighted|hidden|shorten|lengthen|weight|hide|stop|prevent|block|force|customi[sz]e|customi[sz]ed|reduce|reduced|make (?:it|the|them)?)/,
    states: /\b(?:set-[a-z]|new-[a-z]|grant-[a-z]|can be (?:changed|set|configured|raised|increased|lowered|shortened|reduced|hidden|blocked|turned off|disabled|customi[sz]ed)|cannot be (?:changed|set|configured|shortened|reduced|hidden|customi[sz]ed)|not configurable|configurable|policy|registry|hklm|hkcu|group policy|gpo)\b/,
  },
  {
    // "can i rename a front end pool", "how do we rename the sip domain": whether and how it is renamed.
    // An article that only mentions the pool says nothing of that.
    kind: 'rename',
    asks: /\b(?:how (?:do|can|would|should) (?:i|we|you|one)|how to|(?:can|could) (?:i|we|you|one)|is it possible to|possible to|is there a way to) (?:safely |just )?rename\b/,
    states: /\brenam/,
  },
  {
    kind: 'url',
    // "what's the url of the mex service", "which web address do i browse to": the answer gives one.
    asks: /\b(?:what|whats|what's|which)(?: is| s| are)? (?:the |its |their )?(?:[a-z0-9-]+ ){0,3}(?:urls?|web address(?:es)?|links?)\b/,
    states: /https?:\/\/|\b[a-z0-9<>-]+(?:\.[a-z0-9<>-]+)+\/[a-z0-9<>_.-]+|(?:^|\s|`)\/[a-z][a-z0-9_-]*(?:\/[a-z0-9_.-]*)?/,
  },
  {
    // "how much bandwidth does a call need": a rate. An article on bandwidth policies states none.
    kind: 'bandwidth',
    asks: /\bhow much (?:[a-z]+ )?bandwidth\b|\b(?:what|which|whats|what s|what's)(?: is| are)?(?: the)? bandwidth (?:does|do|is|for|per|of|a|an|one)\b|\bbandwidth (?:per|for (?:a|one|each)) (?:[a-z0-9.-]+ )?(?:call|session|stream|user)\b/,
    states: /\b\d+(?:[.,]\d+)?\s*(?:kbps|mbps|gbps|kbit\/?s?|mbit\/?s?|kb\/s|mb\/s|kilobits?|megabits?)\b/,
  },
  {
    kind: 'attempts',
    // "how many times can i type the wrong pin", "how many attempts before it locks".
    asks: /\bhow many (?:times|attempts|tries|wrong|incorrect|failed|bad)\b/,
    states: /\b\d+\s+(?:times|attempts|tries|failed|wrong|incorrect|bad)\b|\b(?:lockout|locks? out|locked out) (?:threshold|after)\b/,
  },
  {
    kind: 'port',
    // "what firewall port does the agent listen on", "which port".
    asks: /\b(?:what|which) (?:\w+ )?ports?\b|\bport (?:number|does|do)\b/,
    states: /\bports? \d+|\b\d+\s*\/\s*(?:tcp|udp)\b|\b(?:tcp|udp) \d+\b/,
  },
  {
    kind: 'key size',
    asks: /\bkey (?:size|length)\b|\b(?:1024|2048|4096)\b.*\bor\b|\bhow many bits\b/,
    states: /\b\d{3,4}\s*-?\s*bits?\b|\bkey (?:size|length)\b/,
  },
  {
    kind: 'length',
    // "is there a minimum pin length", "how many digits does the pin need".
    asks: /\b(?:minimum|maximum|min|max) (?:pin |password )?length\b|\bhow many (?:characters|digits|chars|letters|numbers)\b/,
    states: /\b\d+\s*(?:characters?|digits?|chars?)\b|\b(?:minimum|maximum) (?:pin |password )?length\b/,
  },
  {
    kind: 'registry',
    // "which registry key holds the saved password".
    asks: /\b(?:which|what|where is the|wheres the) (?:\w+ )?registry (?:key|value|entry|setting|path)s?\b|\bregistry (?:key|value|path|entry) (?:for|that|holds|which|where)\b/,
    states: /\bhk(?:cu|lm|ey)\b|\bhkey_/,
  },
  {
    kind: 'os version',
    // "which ios version is recommended": the article must name a version of that system.
    asks: /\b(?:which|what|minimum|recommended|supported) (?:ios|android|windows phone|os x|macos) versions?\b|\b(?:ios|android) versions? (?:is|are|do|does|should)\b/,
    states: /\b(?:ios|android|windows phone|os x|macos) \d/,
  },
  {
    // "who is the ceo", "who's my manager": a person. Articles name roles, never people, so none states
    // one ("ask the Lync admin" is not who the CEO is).
    kind: 'person',
    asks: /^(?:so |and |but |ok )?(?:who is|who's|whos|who s|who are) (?:the |my |our |your |a |an )?[a-z'-]+(?: [a-z'-]+)?\s*[?.!]*\s*$/,
    states: /(?!)/,
  },
  {
    // "whats the cmdlet to enable her for lync", "which cmdlets": the answer names one.
    kind: 'cmdlet',
    asks: /\b(?:what|which|whats|what's|what s)(?: is| are)?(?: the)? (?:[a-z]+ )?(?:cmdlets?|powershell commands?)\b|\bcmdlets? (?:to|for|that|which)\b/,
    states: /\b(?:get|set|new|enable|disable|grant|remove|invoke|start|stop|test|move|import|export|update|add|revoke|clear|debug|install|sync|register|reset|publish|search|show)-[a-z]{3,}/,
  },
  {
    // "exact version number of the store app that fixed it": a dotted version, not "the latest".
    kind: 'version number',
    asks: /\b(?:version|build) (?:number|no)\b|\b(?:which|what|exact) build\b/,
    states: /\b\d+\.\d+\.\d+/,
  },
  {
    kind: 'price',
    asks: /\bhow much (?:does|do|is|will|would)\b.*\b(?:cost|charge|pay)\b|\b(?:what|whats) (?:does it|is the|the)? ?(?:cost|price|pricing)\b|\bcost per\b|\bprice per\b|\blicen[cs]e cost\b/,
    states: /[$€£]\s*\d|\b\d+(?:[.,]\d+)? ?(?:usd|eur|gbp|dollars?|euros?)\b|\b(?:costs?|priced?|pricing) (?:is|are|of)\b|\bfree of charge\b/,
  },
];

/**
 * "How many virtual smart cards can one machine hold", "how many public IP addresses does the edge
 * need": the thing counted, so the answer must give a number of it ("three public IP addresses").
 * Time units and attempts have kinds of their own.
 */
const HOW_MANY = /\bhow many ((?:[a-z0-9-]+ ){0,2}?)([a-z-]{3,}) (?:can|could|does|do|is|are|should|will|would|per|in|on|of|for|at|to|before|must|may|have|has|need|needed|get|allowed|at once|max|maximum)\b/;
/** "what's the max number of contacts i can have": the thing counted, asked as a limit. */
const MOST_OF = /\b(?:max|maximum|min|minimum|largest|biggest|highest|lowest|total) (?:number|no|amount|count) of ((?:[a-z0-9-]+ ){0,1}?)([a-z-]{3,})\b/;
const NOT_COUNTED = new RegExp(`^(?:${TIME_UNIT.slice(3, -1)}|time|attempt|trie|wrong|incorrect|failed|bad|character|digit|char|letter|number)$`);
const NUMBER_WORD = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a single|several|multiple|a few)';

function countedThing(normalised: string): string | undefined {
  const match = HOW_MANY.exec(normalised) ?? MOST_OF.exec(normalised);
  const word = match?.[2];
  // One form for singular and plural: "addresses" → "address", "cards" → "card" (the article test matches either).
  const thing = word?.endsWith('sses') ? word.slice(0, -2) : word?.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
  return thing && !NOT_COUNTED.test(thing) ? thing : undefined;
}

/**
 * "What version of fiddler should I use", "which version of windows does it need": the product whose
 * version is asked, so the answer must give that product with a number ("Windows 8.1", "Lync 2013").
 */
const VERSION_OF = /\b(?:what|which|whats|what s|what's|minimum|supported|recommended)(?: is| are)?(?: the)?(?: minimum| supported| recommended| latest)? versions? of (?:the |a |an )?([a-z][a-z0-9-]{1,})\b/;

/** "what arr version do i need", "which adfs version supports it": the product named before the word. */
const PRODUCT_VERSION = /\b(?:what|which)(?: is| are)?(?: the)? ([a-z][a-z0-9-]{1,}) versions? (?:do|does|is|are|should|for|of|works?|supports?|will|would|can|to)\b/;
/** Words before "version" that name no product ("which client version", "what minimum version"). */
const NOT_A_PRODUCT = new Set(['client', 'app', 'server', 'software', 'exact', 'latest', 'minimum', 'new', 'newer', 'old', 'older', 'same', 'this', 'that', 'other', 'which', 'supported', 'recommended', 'ios', 'android', 'os', 'macos']);

function versionedProduct(normalised: string): string | undefined {
  const product = VERSION_OF.exec(normalised)?.[1] ?? PRODUCT_VERSION.exec(normalised)?.[1];
  return product && !NOT_A_PRODUCT.has(product) ? product : undefined;
}

/** The kinds of fact a question asks for (usually none). */
export function factsAsked(normalised: string): string[] {
  const kinds = FACT_KINDS.filter((fact) => fact.asks.test(normalised)).map((fact) => fact.kind);
  if (versionedProduct(normalised)) kinds.push('product version');
  return countedThing(normalised) ? [...kinds, 'count'] : kinds;
}

/** Whether an article's text states a fact of every kind the question asks for. */
export function statesFactsAsked(normalisedQuestion: string, normalisedArticle: string): boolean {
  if (!FACT_KINDS.every((fact) => !fact.asks.test(normalisedQuestion) || fact.states.test(normalisedArticle))) return false;
  const product = versionedProduct(normalisedQuestion);
  // The product, then its number: "fiddler 4", "windows 8.1", "lync server 2013", "adfs version 2.0".
  if (product && !new RegExp(`\\b${product}(?:\\s+(?:server|version|phone))?\\s+v?\\d`).test(normalisedArticle)) return false;
  const thing = countedThing(normalisedQuestion);
  if (!thing) return true;
  // A number before the thing, a word or two between: "2 front end servers", "one virtual smart card".
  // (The whole word: "8 endpoints" is no number of front ends.)
  return new RegExp(`\\b${NUMBER_WORD}\\s+(?:[a-z0-9-]+\\s+){0,2}${thing}(?:s|es)?\\b`).test(normalisedArticle);
}
