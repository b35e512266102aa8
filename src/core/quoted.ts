/**
 * A title in quotation marks inside a sentence ("So "X" isn't it"): a title that already starts with a
 * quotation (an error message, '"Problem verifying the certificate…" at sign-in') is not quoted twice.
 */
export function quoted(title: string): string {
  return /^["“]/.test(title) ? title : `"${title}"`;
}
