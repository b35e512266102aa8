/**
 * What the user sees go wrong, when a question names it: a blank page, a crash, a frozen window, a
 * greyed-out option. A different symptom is a different problem, so an article that never mentions the
 * one named is no answer to it, however well its other words match ("lync web app meeting link just
 * shows a blank page in chrome" is not answered by the article on opening meetings in the web app).
 * Normalised text in (lower case).
 */
interface Symptom {
  named: RegExp;
  /** The article speaks of it (in any of its usual words). */
  mentioned: RegExp;
}

const SYMPTOMS: readonly Symptom[] = [
  { named: /\bblank\b/, mentioned: /\b(?:blank|white (?:page|screen)|empty (?:page|screen|window))\b/ },
  { named: /\bcrash(?:es|ed|ing)?\b/, mentioned: /\bcrash(?:es|ed|ing)?\b/ },
  { named: /\b(?:freezes|freezing|frozen|froze)\b/, mentioned: /\b(?:freez\w*|frozen|froze|hangs?|hanging|unresponsive|not responding)\b/ },
  // "says it can't find a server": the client never reached its server, which only articles on finding
  // and reaching servers answer (not one on where the logs are, however well "my work laptop" matches).
  {
    named: /\b(?:can[' ]?t|cannot|couldn[' ]?t|could not|unable to|can not) (?:find|reach|locate|contact|connect to|get to) (?:a |the |any |my |our )?(?:lync )?server\b|\bserver (?:is )?(?:not found|unavailable|unreachable)\b/,
    mentioned: /\b(?:unavailable|unreachable|not reachable|cannot (?:find|reach|connect|contact|be reached)|can[' ]?t (?:find|reach|connect|contact|be reached)|not found|dns|srv|lyncdiscover\w*)\b/,
  },
  // "my polycom phone won't sign in": an article that never speaks of signing in (the voice mail light on
  // that phone) answers another question about the same device.
  {
    named: /\b(?:won[' ]?t|will not|can[' ]?t|cannot|can not|unable to|doesn[' ]?t|does not|didn[' ]?t|fails? to|failing to|not able to) (?:sign|log) ?(?:in|on|into)\b/,
    mentioned: /\b(?:sign(?:s|ed|ing)?[ -]?(?:in|on|into)|signin|log(?:s|ged|ging)?[ -]?(?:in|on|into)|logon|register(?:s|ed|ing)?|registration|registrar|authenticat\w*|credentials?|password|prompt\w*|web ?ticket)\b/,
  },
  // "it says the certificate is not valid": a certificate refused is answered by an article on checking
  // certificates, not by one on the PIN that came before it.
  {
    named: /\b(?:certificate|cert)s? (?:is |was |has |looks )?(?:not valid|invalid|no longer valid|isn[' ]?t valid|expired|revoked)\b|\b(?:invalid|expired|revoked) (?:certificate|cert)s?\b/,
    mentioned: /\b(?:not valid|invalid|valid|validat\w*|expir\w*|revok\w*|revocation|crl|untrusted|not trusted|verif\w*)\b/,
  },
  { named: /\b(?:greyed|grayed)\b/, mentioned: /\b(?:greyed|grayed|disabled|unavailable|cannot be changed|can t be changed)\b/ },
  // "i typed the pin wrong 3 times now it says blocked": a blocked PIN or card is answered by an article
  // that speaks of blocking, not by the one on the default PIN the user kept typing.
  { named: /\b(?:blocked|locked)\b/, mentioned: /\b(?:block\w*|lock\w*|unblock\w*|unlock\w*)\b/ },
];

/** The symptoms a question names that the article's text does not mention. */
export function symptomsMissing(question: string, articleText: string): number {
  return SYMPTOMS.filter((symptom) => symptom.named.test(question) && !symptom.mentioned.test(articleText)).length;
}
