// Editing the search box's text from clicks: a facet, a tag, the timeline
// all write filters into the query, so the box is always the whole truth.

/** Splits a query into terms, keeping quoted parts ("a b", tag:"a b") whole. */
export function terms(query: string): string[] {
  const out: string[] = [];
  const re = /\S*"[^"]*"?\S*|\S+/g;
  for (const m of query.matchAll(re)) out.push(m[0]);
  return out;
}

/** A filter value, quoted when it holds spaces or characters the parser splits on. */
export function quoteValue(v: string): string {
  return /^[^\s"():]+$/.test(v) ? v : `"${v.replace(/"/g, '')}"`;
}

/** The key of a filter term ("tag" for tag:x or -tag:x), or "" for words. */
export function keyOf(term: string): string {
  const m = /^-?([a-z]+):/.exec(term);
  return m ? m[1] : '';
}

/** Removes every term for which drop returns true. */
export function without(query: string, drop: (term: string) => boolean): string {
  return terms(query).filter((t) => !drop(t)).join(' ');
}

/** Adds key:value unless the query already has it. */
export function withFilter(query: string, key: string, value: string): string {
  const term = `${key}:${quoteValue(value)}`;
  const list = terms(query);
  if (list.includes(term)) return query.trim();
  return [...list, term].join(' ');
}

/** Adds key:value, or takes it away when the query has it already (a facet clicked again). */
export function toggleFilter(query: string, key: string, value: string): string {
  const term = `${key}:${quoteValue(value)}`;
  return terms(query).includes(term) ? without(query, (t) => t === term) : withFilter(query, key, value);
}

/** Replaces every filter of this key with key:value. */
export function replaceFilter(query: string, key: string, value: string): string {
  return withFilter(without(query, (t) => keyOf(t) === key), key, value);
}

/** Sets a publication-date range, dropping earlier date filters. */
export function withDateRange(query: string, after: string, before: string): string {
  const base = without(query, (t) => ['after', 'before', 'date'].includes(keyOf(t)));
  return [base, after && `after:${after}`, before && `before:${before}`].filter(Boolean).join(' ');
}

