// Small formatting rules shared by the list and the reader.

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const longMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** "2023-09-15" → "15 Sep 2023"; "" → "No date". */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return 'No date';
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}

/** "2023-09" → "September 2023". */
export function formatMonth(ym: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(ym);
  if (!m) return 'No date';
  return `${longMonths[Number(m[2]) - 1]} ${m[1]}`;
}

/** Reading time at 230 words a minute, at least one minute. */
export function readingTime(words: number): string {
  const minutes = Math.max(1, Math.round(words / 230));
  return `${minutes} min read`;
}

/** 2124 → "2,124". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** "1 article" / "3 articles". */
export function plural(n: number, one: string, many = one + 's'): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Said of a title Folio made from the first sentence because the file gave none. */
export const DERIVED_TITLE_HINT = 'The file has no title: this is its first sentence';
