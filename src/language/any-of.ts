/**
 * Several patterns as one alternation, to find out in one pass over a text whether any of them can
 * match it (most texts hold none, and each pattern would be a pass of its own). Undefined when one
 * of them would mean something else inside it: a flag other than `g` (which only says where a search
 * goes on from), a backreference or a named group.
 */
export function anyOf(patterns: readonly RegExp[]): RegExp | undefined {
  if (patterns.length === 0 || patterns.some((pattern) => pattern.flags.replace('g', '') !== '' || /\\[1-9]|\\k<|\(\?<[a-z]/i.test(pattern.source))) return undefined;
  return new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'));
}
