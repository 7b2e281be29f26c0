// Sentences and paragraphs of an article's canonical text, as code-point
// spans, so that a caret can move and a selection grow by them from the
// keyboard (then "h" highlights the selection, as with the mouse).
import { codePointIndex, type Span } from './textmap';

// A sentence runs from a non-space to its closing punctuation (with any
// closing quotes or brackets) before a space, or to the end of its line.
const SENTENCE = /\S[^]*?(?:[.!?…]+["'”’)\]]*(?=\s|$)|(?=\n)|$)/g;
// A paragraph runs to a blank line or the end.
const PARAGRAPH = /\S[^]*?(?=\s*\n\s*\n|\s*$)/g;

function spans(body: string, pattern: RegExp): Span[] {
  const cp = codePointIndex(body);
  const out: Span[] = [];
  for (const m of body.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    out.push({ start: cp[m.index], end: cp[m.index + m[0].length] });
  }
  return out;
}

/** The sentences of a text, in order, without the spaces between them. */
export function sentenceSpans(body: string): Span[] {
  return spans(body, SENTENCE);
}

/** The paragraphs of a text (separated by blank lines), in order. */
export function paragraphSpans(body: string): Span[] {
  return spans(body, PARAGRAPH);
}

/**
 * The selection after one step: the next unit after the selection (or the
 * first from `from`, where the reading is, when nothing is selected), the
 * previous one before it, or, extending, the selection grown to the end of
 * the next unit. Null when there is no unit that way.
 */
export function stepSelection(units: Span[], current: Span | null, from: number, dir: 1 | -1, extend: boolean): Span | null {
  if (extend && current) {
    const next = units.find((u) => u.end > current.end);
    return next ? { start: current.start, end: next.end } : current;
  }
  if (dir > 0) {
    const at = current ? current.end : from;
    return units.find((u) => u.start >= at) ?? null;
  }
  const at = current ? current.start : from;
  for (let i = units.length - 1; i >= 0; i--) if (units[i].end <= at) return units[i];
  return null;
}
