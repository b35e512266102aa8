import { anyOf } from './any-of';
import { rememberRecent } from './recent-results';

/**
 * What the user typed, folded so that buttons, typing and small variations mean the same thing:
 * "Sign-in", "signin" and "sign in" are one phrase; "smartcard" is "smart card"; punctuation goes.
 */
export const foldPhrase = rememberRecent(foldPhraseNow);

/**
 * Slips people make in the words a flow listens for ("sigin", "conect", "iphne"): read as meant, so a
 * typo never turns "I can't sign in on my iPhone" into a question nobody can answer. Only slips that
 * are no other word.
 */
const SLIPS: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:sigin|singin|sigen|sgin|signn)(?: in)?\b/g, 'sign in'],
  [/\b(?:sigh|sing) (in|on)\b/g, 'sign $1'],
  // ("keeps singing in and out", "stuck singing in": in a sign-in helpdesk, singing is signing.)
  [/\bsinging (in|on|out)\b/g, 'signing $1'],
  [/\b(?:conect|connet|conenct|connct|connec|cnnect)\b/g, 'connect'],
  [/\b(?:iphne|iphon|ipone|iphome|iphoen|ihpone)\b/g, 'iphone'],
  [/\b(?:andriod|andorid|adroid|andoid|androd)\b/g, 'android'],
  [/\b(?:pasword|passwrod|passowrd|pssword|passwod|passord)\b/g, 'password'],
  [/\b(?:lnyc|lycn|lyc|lynk|lyn c|lyn)\b/g, 'lync'],
  [/\b(?:surfce|surfac|sruface|suface)\b/g, 'surface'],
  [/\b(?:brokn|borken|brokne|brocken|brken)\b/g, 'broken'],
  [/\b(?:wokring|wroking|workign|wrking)\b/g, 'working'],
  [/\b(?:wnt|wotn)\b/g, 'wont'],
  [/\b(?:cnat|cnt)\b/g, 'cant'],
  [/\b(?:dosent|dosnt|doesent|deosnt)\b/g, 'doesnt'],
  [/\b(?:outsde|ouside|outide|outisde|oustide)\b/g, 'outside'],
  [/\b(?:insde|inisde|insie|insdie)\b/g, 'inside'],
  [/\b(?:ofice|offce|offcie|offic)\b/g, 'office'],
  [/\b(?:labtop|laptp|latop|lpatop)\b/g, 'laptop'],
  [/\b(?:destop|dekstop|desktp|deskop)\b/g, 'desktop'],
  // Chat spellings: "walk me thru it", "a human pls".
  [/\bthru\b/g, 'through'],
  // "k done", "kk did that": chat's "ok" in front of a report.
  [/^ (?:k|kk|okk|oki|okie|okey|kay) /, ' ok '],
  [/\bu\b/g, 'you'],
  [/\br\b/g, 'are'],
  [/\bwher\b/g, 'where'],
  [/\b(?:wat|wut|wot)\b/g, 'what'],
  [/\b(?:logz|lgos|lgs|logss)\b/g, 'logs'],
  [/\b(?:pls|plz|plse|pleas)\b/g, 'please'],
];

/** Every slip's pattern in one: a text it does not match holds none of them. */
const ANY_SLIP = anyOf(SLIPS.map(([slip]) => slip));

/** Spellings folded to one form before the words are read ("signin", "smart-cards", "can't"), in this order. */
const FORMS: ReadonlyArray<[RegExp, string]> = [
  [/[’‘`]/g, "'"],
  [/\bsign[\s-]*(in|on|out)\b/g, 'sign $1'],
  [/\blog[\s-]*(in|on)\b/g, 'log $1'],
  [/\bsmart[\s-]*cards?\b/g, 'smart card'],
  [/\benrol(?!l)/g, 'enroll'],
  [/\b(won|can|don|didn|doesn|isn|it|wasn|haven|aren|couldn|what|that|there|let)'(t|s)\b/g, '$1$2'],
  [/\bi'(m|ve|d|ll)\b/g, 'i$1'],
  [/\b(you|they|we)'(re|ve|ll)\b/g, '$1$2'],
];

/** Every form's pattern in one: a text it does not match is left as it is by all of them. */
const ANY_FORM = anyOf(FORMS.map(([form]) => form));

function foldPhraseNow(text: string): string {
  const lowered = ` ${text} `.toLowerCase();
  const formed = !ANY_FORM || ANY_FORM.test(lowered) ? FORMS.reduce((done, [form, as]) => done.replace(form, as), lowered) : lowered;
  let folded = formed.replace(/[^a-z0-9]+/g, ' ');
  // Most messages hold no slip: one pass finds out, instead of one pass per slip.
  if (!ANY_SLIP || ANY_SLIP.test(folded)) for (const [slip, meant] of SLIPS) folded = folded.replace(slip, meant);
  return folded.trim();
}

/**
 * The words of a folded text. The readers of one message ask for its words about seventeen times, so
 * they share one array, frozen: a reader that changed it would change every other reader's words.
 */
export const tokens: (folded: string) => readonly string[] = rememberRecent((folded) => Object.freeze(folded === '' ? [] : folded.split(' ')));

/** " a b " contains " b ": a whole-word phrase test on folded text. */
export function hasPhrase(folded: string, phrase: string): boolean {
  return ` ${folded} `.includes(` ${phrase} `);
}

/** Words that say nothing about which choice is meant. */
export const FILLER = new Set(
  (
    'a an the my i im ive it its is are was be been on in at to of for from with and or but me just this that these those ' +
    'one thing stuff some we our us so um uh hmm well actually really honestly sorry please think guess like kind sort ' +
    'lync using use used have has got get do does did you your thats theres there here now then'
  ).split(' '),
);

/**
 * Whether two words are at most `max` slips apart (an adjacent swap is one slip): enough to accept one
 * slip in a short word and two in a long one ("pasword", "certficate").
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  return a === b || editDistance(a, b, max) <= max;
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps), giving up
 * early once every path exceeds `bound`.
 */
export function editDistance(a: string, b: string, bound = Infinity): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > bound) return bound + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** How many slips a word of this length may carry and still be recognised. */
export function allowedSlips(word: string): number {
  if (/\d/.test(word) || word.length < 5) return 0;
  return word.length >= 8 ? 2 : 1;
}
