/**
 * Our own text (an answer's gist, a title on a button) cut to fit: at a word's end, never inside a
 * word ("Maximum Followers Reache…"), with an ellipsis. A word longer than a good part of the room
 * (a path, a command line) is cut where it must.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const lastSpace = room.search(/\s\S*$/);
  const cut = lastSpace >= max * 0.6 ? room.slice(0, lastSpace) : room;
  // (No dangling comma, colon or opening bracket before the ellipsis.)
  return `${cut.replace(/[\s,;:(\[{–—-]+$/, '')}…`;
}
