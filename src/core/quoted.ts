/**
 * A title in quotation marks inside a sentence ("So "X" isn't it"): a title that already starts with a
 * quotation (an error message, '"Problem verifying the certificate…" at sign-in') is not quoted twice,
 * and one that quotes a message inside gets curly marks outside, so the two pairs stay apart.
 */
export function quoted(title: string): string {
  if (/^["“]/.test(title)) return title;
  return title.includes('"') ? `“${title}”` : `"${title}"`;
}
