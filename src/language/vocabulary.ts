/**
 * The everyday words for the things a flow asks about: which client (device), where the user is
 * (network), how they sign in, which kind of smart card. One table feeds both the slots read from any
 * message and the matching of free-text answers to a step's choices.
 *
 * Phrases are written folded (lower case, no punctuation, "sign in" as two words).
 */

export type Slot = 'client' | 'where' | 'method' | 'card' | 'symptom';

export interface Concept {
  slot: Slot;
  /** The fact value a flow choice sets for it (dialogs/*.yaml `set:`). */
  value: string;
  /** Shown back to the user when the value is assumed: "I took **…** as your client". */
  name: string;
  /** Phrases that name it outright. */
  words: string[];
  /** Phrases that describe it; weaker, and only used to match a choice, never as a slot on their own. */
  hints?: string[];
  /** Applies to a choice without `set` whose label contains one of these (folded). */
  labelHas?: string[];
}

export const CONCEPTS: readonly Concept[] = [
  // ----- clients (devices) -----
  {
    slot: 'client', value: 'desktop', name: 'Lync 2013 on a Windows PC',
    words: ['desktop', 'desktop client', 'lync 2013 client', 'pc', 'windows pc', 'work pc', 'windows laptop', 'workstation', 'thinkpad', 'dell', 'lenovo', 'hp laptop', 'windows 7', 'windows 10', 'win7', 'win 7', 'win 10', 'win10', 'desktop app', 'installed lync', 'full client', 'normal windows lync', 'regular windows lync', 'usual windows lync', 'standard windows lync', 'the normal windows one', 'windows desktop', 'work laptop', 'company laptop', 'work computer', 'office computer', 'company computer', 'work desktop'],
    // A laptop or computer may be a Mac: they lean towards the PC without settling it.
    hints: ['laptop', 'notebook', 'computer', 'my computer', 'normal lync', 'regular lync', 'usual lync', 'the normal one', 'the regular one', 'office 2013', 'start menu'],
    labelHas: ['windows pc'],
  },
  {
    slot: 'client', value: 'store-app', name: 'the Windows Store app',
    words: ['store app', 'windows store', 'microsoft store', 'app store on windows', 'surface', 'surface rt', 'surface pro', 'rt tablet', 'rt device', 'win8 app', 'windows 8 app', 'windows rt', 'metro app', 'modern app', 'lync app from the store', 'store', 'windows 8 tablet', 'win8 tablet', 'win 8 tablet', 'windows 8 1 tablet', 'tile version', 'tile app', 'the tile one', 'tile lync', 'lync tile app'],
    hints: ['tiles', 'start screen', 'from the store', 'windows 8 1', 'windows 8', 'lync app'],
    labelHas: ['windows store'],
  },
  {
    slot: 'client', value: 'ios', name: 'iPhone or iPad',
    words: ['iphone', 'ipad', 'ios', 'ipod', 'apple phone', 'ipad mini', 'ipad pro', 'iphone app'],
    hints: ['app store'],
    labelHas: ['iphone'],
  },
  {
    slot: 'client', value: 'android', name: 'Android',
    words: ['android', 'samsung', 'galaxy', 'pixel', 'nexus', 'htc', 'motorola', 'moto', 'huawei', 'xperia', 'oneplus', 'xiaomi', 'lg phone', 'google play', 'play store'],
    labelHas: ['android'],
  },
  {
    slot: 'client', value: 'windows-phone', name: 'Windows Phone',
    words: ['windows phone', 'lumia', 'nokia', 'wp8', 'winphone', 'windows mobile'],
    labelHas: ['windows phone'],
  },
  {
    slot: 'client', value: 'mac', name: 'Mac',
    words: ['mac', 'macbook', 'macbook pro', 'macbook air', 'imac', 'mac mini', 'os x', 'osx', 'macos', 'apple computer', 'apple laptop', 'lync for mac', 'lync 2011', 'lync for mac 2011', 'lync mac 2011', 'mac 2011'],
    labelHas: ['mac'],
  },
  {
    slot: 'client', value: 'web-app', name: 'Lync Web App (browser)',
    words: ['web app', 'lync web app', 'lwa', 'browser', 'chrome', 'firefox', 'safari', 'internet explorer', 'edge browser', 'web browser', 'in the browser', 'through the browser', 'web page meeting'],
    hints: ['meeting link', 'join link', 'nothing installed', 'no client installed', 'without installing', 'join through', 'join from'],
    labelHas: ['web app'],
  },
  // ----- network -----
  {
    slot: 'where', value: 'inside', name: 'inside the company network',
    words: ['inside', 'in the office', 'at the office', 'from the office', 'from work', 'from my desk', 'at work', 'office network', 'company network', 'corporate network', 'work network', 'internal network', 'on the network', 'on site', 'onsite', 'on premises', 'at my desk', 'in the building', 'headquarters', 'hq', 'company wifi', 'office wifi', 'work wifi', 'plugged in at work', 'docked', 'internal', 'intranet', 'lan at work'],
    hints: ['office', 'my desk', 'plugged in', 'network cable', 'ethernet', 'at work', 'work'],
    labelHas: ['inside'],
  },
  {
    slot: 'where', value: 'outside', name: 'outside the company network',
    words: ['outside', 'from home', 'at home', 'home', 'home wifi', 'home network', 'remote', 'remotely', 'working from home', 'wfh', 'hotel', 'airport', 'travelling', 'traveling', 'on the road', 'abroad', 'mobile data', '4g', '3g', '5g', 'lte', 'hotspot', 'tethered', 'cafe', 'coffee shop', 'public wifi', 'guest wifi', 'hotel wifi', 'hotel network', 'hotel internet', 'airport wifi', 'cafe wifi', 'train wifi', 'external', 'over the internet', 'off site', 'offsite', 'customer site', "customer's site", 'client site', "client's site", "client's office", 'clients office', 'client office', "customer's office", 'customers office', 'customer office', 'guest network', 'visitor wifi', 'visitor network', 'starbucks', 'train'],
    hints: ['trip', 'vacation', 'holiday', 'wifi at', 'on the go'],
    labelHas: ['outside'],
  },
  // ----- sign-in method -----
  {
    slot: 'method', value: 'password', name: 'your password',
    words: ['password', 'my password', 'windows password', 'domain password', 'user name and password', 'username and password', 'username', 'user name', 'credentials', 'passwd', 'pwd', 'pw', 'login and password'],
    labelHas: ['password'],
  },
  {
    slot: 'method', value: 'smart-card', name: 'a smart card',
    words: ['smart card', 'badge', 'card reader', 'card and pin', 'pin and card', 'chip card', 'id card', 'access card', 'virtual smart card', 'cac', 'card thing', 'card to log in', 'card to sign in', 'card to log on', 'log in with a card', 'sign in with a card', 'log in with my card', 'sign in with my card', 'plastic card'],
    hints: ['card', 'pin', 'reader', 'insert'],
    labelHas: ['smart card'],
  },
  {
    slot: 'method', value: 'adfs', name: 'the company sign-in web page (AD FS)',
    words: ['adfs', 'ad fs', 'company page', 'company login page', 'company sign in page', 'login page', 'sign in page', 'log on page', 'web page', 'federation', 'federated', 'sts', 'single sign on', 'sso', 'passive', 'passive auth', 'passive authentication', 'forms page', 'forms based'],
    hints: ['page', 'redirect', 'redirects', 'browser window', 'pops up a page', 'webpage', 'portal'],
    labelHas: ['ad fs'],
  },
  {
    slot: 'method', value: 'otp', name: 'a one-time password or app password',
    words: ['otp', 'one time password', 'one time code', 'one time pin', 'app password', 'token', 'sms', 'sms code', 'text message', 'texted code', 'authenticator', 'mfa code', 'verification code', 'rsa', 'fob', 'key fob', 'security code'],
    hints: ['code', 'a code', 'the code', 'six digit', '6 digit'],
    labelHas: ['one time password'],
  },
  {
    // "i dont know what auth we use" at another question: the answer "Not sure" to the sign-in question, given early.
    slot: 'method', value: 'unknown', name: 'not sure how you sign in',
    words: ['dont know what auth', 'not sure what auth', 'no idea what auth', 'dont know which auth', 'not sure which auth', 'dont know what authentication', 'not sure what authentication', 'no idea what authentication', 'dont know how i sign in', 'not sure how i sign in', 'no idea how i sign in', 'dont know how we sign in', 'not sure how we sign in', 'no idea how we sign in', 'dont know how i log in', 'not sure how i log in', 'no idea how i log in', 'dont know how we log in', 'not sure how we log in', 'no idea how we log in', 'dont know what sign in method', 'not sure what sign in method', 'dont know the sign in method', 'dont know what login method', 'not sure what login method'],
    labelHas: ['not sure'],
  },
  // ----- what happens at sign-in (the desktop client's symptom question) -----
  // Only the two a user names unmistakably; "an error" or "it fails" says too little to skip the question.
  {
    slot: 'symptom', value: 'prompts', name: 'that it keeps asking for your password',
    words: ['keeps asking for my password', 'keeps asking for password', 'keeps asking for the password', 'keeps asking for a password', 'keeps asking me for my password', 'keeps asking for credentials', 'keeps asking for my credentials', 'keeps prompting', 'keeps prompting me', 'keeps prompting for my password', 'asks for my password again', 'asks for my password over and over', 'asking for my password over and over', 'password prompt keeps', 'password prompts', 'repeated password prompts', 'endless password prompts', 'password loop'],
    labelHas: ['keeps asking for my password'],
  },
  {
    slot: 'symptom', value: 'trust', name: 'that it asks whether to trust a server',
    words: ['trust this server', 'trust the server', 'asks whether to trust', 'asks if i trust', 'asks me to trust', 'trust prompt', 'do you trust'],
    labelHas: ['whether to trust'],
  },
  {
    // (The phones' question: "It can't find or reach the server".)
    slot: 'symptom', value: 'unreachable', name: "that it can't find or reach the server",
    words: ['cannot connect to server', 'cannot connect to the server', 'cant connect to server', 'cant connect to the server', 'cant find the server', 'cannot find the server', 'cant find server', 'cant reach the server', 'cannot reach the server', 'server not found', 'unable to connect to the server', 'cant contact the server', 'cannot contact the server'],
    labelHas: ['find or reach the server', 'reach the server'],
  },
  {
    // (The phones' and the Mac's question: "It says my password is wrong".)
    slot: 'symptom', value: 'password', name: 'that it says your password is wrong',
    words: ['says my password is wrong', 'says the password is wrong', 'says my password is incorrect', 'says the password is incorrect', 'password is wrong', 'password is incorrect', 'wrong password', 'incorrect password', 'rejects my password', 'rejects the password', 'password rejected', 'password not accepted', 'wont accept my password', 'doesnt accept my password'],
    labelHas: ['password is wrong'],
  },
  // ----- smart card kind -----
  {
    slot: 'card', value: 'physical', name: 'a physical card',
    words: ['physical', 'physical card', 'physical smart card', 'plastic', 'plastic card', 'real card', 'credit card', 'card reader', 'reader', 'badge', 'id card', 'access card', 'chip card', 'insert', 'stick in', 'stick it in', 'put in'],
    hints: ['wallet', 'lanyard', 'hold', 'holding', 'slot', 'card slot'],
    labelHas: ['physical'],
  },
  {
    slot: 'card', value: 'virtual', name: 'a virtual smart card (TPM)',
    words: ['virtual', 'virtual card', 'virtual smart card', 'tpm', 'trusted platform module', 'built in card', 'card built in', 'built into the laptop', 'built into the computer', 'built into my laptop', 'inside the computer', 'inside the laptop', 'in the computer', 'in the laptop', 'on the chip', 'chip inside', 'nothing to insert', 'no card', 'software card', 'vsc'],
    // ("built in" alone may be a tablet's modem: it counts for the card only beside the card's question.)
    hints: ['chip', 'lives in', 'stored on', 'on the computer', 'built in', 'built into'],
    labelHas: ['virtual'],
  },
];

/**
 * Words that point at several choices at once: "my phone" is an iPhone, an Android or a Windows Phone.
 * They make those choices equally likely, so the bot asks which one is meant.
 */
export const VAGUE: ReadonlyArray<{ words: string[]; slot: Slot; values: string[] }> = [
  { words: ['phone', 'mobile', 'smartphone', 'smart phone', 'cell', 'cellphone', 'cell phone', 'mobile app', 'handset'], slot: 'client', values: ['ios', 'android', 'windows-phone'] },
  { words: ['tablet'], slot: 'client', values: ['ios', 'android', 'store-app'] },
  { words: ['apple'], slot: 'client', values: ['ios', 'mac'] },
  { words: ['windows'], slot: 'client', values: ['desktop', 'store-app', 'windows-phone'] },
  { words: ['two factor', 'multi factor', 'mfa', '2fa', 'second factor'], slot: 'method', values: ['smart-card', 'adfs', 'otp'] },
];

/** Phrases that contain a vocabulary word but mean something else; they are taken out first. */
// (A SIM card, and a mobile data modem built into a tablet, are no smart card of either kind.)
export const NEUTRAL = ['home pool', 'home server', 'home screen', 'home page', 'web services', 'web service', 'web ticket', 'edge server', 'store app logs', 'app store connect', 'office 365', 'sim card slot built in', 'sim slot built in', 'sim card built in', 'built in sim card', 'built in sim', 'sim card slot', 'sim card', 'sim slot', 'built in 4g', 'built in lte', 'built in modem', 'built in mobile broadband', '4g built in', 'lte built in', 'modem built in'];

/** Choices that stand for "none of the others". */
export const OTHER = {
  labelHas: ['something else', 'other'],
  words: ['none of those', 'none of these', 'none of them', 'neither', 'something different', 'something else', 'different', 'another thing', 'none', 'not listed', 'not in the list', 'other'],
};

/**
 * Words that mean the same in an answer, one word each side ("hangs" is "stalls", "behind" on a clock
 * is "wrong"). Both the answer and the choices are read through this map before they are compared.
 */
export const SAME_WORD: Record<string, string[]> = {
  stalls: ['stall', 'stalled', 'stalling', 'hang', 'hangs', 'hanging', 'hung', 'freeze', 'freezes', 'freezing', 'frozen', 'spins', 'spin', 'spinning', 'loading', 'loads'],
  again: ['repeatedly', 'everytime', 'constantly', 'nonstop', 'forever'],
  wrong: ['incorrect', 'behind', 'ahead', 'slow', 'fast', 'skewed', 'drifted', 'drifting'],
  error: ['errors', 'err', 'warning', 'warnings'],
  cant: ['cannot', 'unable', 'couldnt'],
  connect: ['connecting', 'connection', 'connects', 'reach', 'reaching', 'contact'],
  sign: ['log', 'login', 'logon', 'signin'],
  signed: ['logged'],
  asking: ['asks', 'ask', 'prompting', 'prompts', 'prompt', 'popping', 'pops'],
  password: ['passwd', 'pwd', 'pasword', 'passward'],
  meetings: ['meeting', 'calendar'],
  missing: ['gone', 'disappeared', 'vanished', 'lost'],
  enrolled: ['registered', 'provisioned', 'issued'],
  certificate: ['cert', 'certs', 'certificates'],
  switched: ['turned', 'flipped', 'put'],
};

const CANONICAL = new Map(Object.entries(SAME_WORD).flatMap(([canonical, words]) => words.map((word) => [word, canonical] as [string, string])));

/** Each word replaced by the one word its meaning is compared under. */
export function canonical(folded: string): string {
  return folded
    .split(' ')
    .map((word) => CANONICAL.get(word) ?? word)
    .join(' ');
}
