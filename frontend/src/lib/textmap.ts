// The bridge between the article's canonical text (the body stored in Go,
// where highlights are positions in Unicode code points) and the rendered
// DOM (paragraphs or sanitized HTML). Go normalises the HTML so that every
// text node's data appears verbatim in the body, in document order; here we
// find each text node in the body, starting where the previous one ended.

/** A text node and where its text sits in the body. */
interface Segment {
  node: Text;
  start16: number; // UTF-16 offset of the node's first character in the body
  end16: number;
}

/** A span of the body in code points, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A span to draw, with the classes and data attributes of its marks. */
export interface Mark extends Span {
  id: string; // e.g. "h12" for highlight 12, "m3" for search match 3
  className: string;
}

/** Code-point offset of every UTF-16 index of s (length s.length + 1). */
export function codePointIndex(s: string): Uint32Array {
  const out = new Uint32Array(s.length + 1);
  let cp = 0;
  for (let i = 0; i < s.length; i++) {
    out[i] = cp;
    const c = s.charCodeAt(i);
    const isHighSurrogate = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length;
    if (isHighSurrogate) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out[++i] = cp; // the low surrogate belongs to the same code point
      }
    }
    cp++;
  }
  out[s.length] = cp;
  return out;
}

/** UTF-16 offset of a code-point offset in s. */
export function utf16Offset(cpIndex: Uint32Array, cp: number): number {
  // Binary search: cpIndex is non-decreasing.
  let lo = 0;
  let hi = cpIndex.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cpIndex[mid] < cp) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class TextMap {
  readonly segments: Segment[] = [];
  private cp: Uint32Array;

  constructor(
    readonly root: Element,
    readonly body: string,
  ) {
    this.cp = codePointIndex(body);
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let cursor = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const node = n as Text;
      if (node.data.length === 0) continue;
      const at = body.indexOf(node.data, cursor);
      if (at < 0) continue; // text the body does not hold (should not happen)
      this.segments.push({ node, start16: at, end16: at + node.data.length });
      cursor = at + node.data.length;
    }
  }

  /** The code-point offset in the body of a DOM position, or null. */
  offsetOf(container: Node, offset: number): number | null {
    if (container.nodeType === Node.TEXT_NODE) {
      const seg = this.segments.find((s) => s.node === container);
      if (seg) return this.cp[Math.min(seg.start16 + offset, seg.end16)];
      return null;
    }
    // An element position: the text that starts at or after that child.
    const child = container.childNodes[offset];
    const after = child ? this.firstSegmentFrom(child) : this.firstSegmentAfter(container);
    if (after) return this.cp[after.start16];
    const last = this.segments[this.segments.length - 1];
    return last ? this.cp[last.end16] : 0;
  }

  private firstSegmentFrom(node: Node): Segment | undefined {
    return this.segments.find(
      (s) => s.node === node || node.contains(s.node) || (node.compareDocumentPosition(s.node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    );
  }

  private firstSegmentAfter(node: Node): Segment | undefined {
    return this.segments.find(
      (s) => !node.contains(s.node) && (node.compareDocumentPosition(s.node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    );
  }

  /** The body span a DOM range covers, or null when it is outside the text. */
  spanOf(range: Range): Span | null {
    if (!this.root.contains(range.commonAncestorContainer)) return null;
    const start = this.offsetOf(range.startContainer, range.startOffset);
    const end = this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return { start, end };
  }

  /** A DOM range over a body span, or null when the text does not show it. */
  rangeOf(span: Span): Range | null {
    const s16 = utf16Offset(this.cp, span.start);
    const e16 = utf16Offset(this.cp, span.end);
    const first = this.segments.find((s) => s.end16 > s16);
    const last = [...this.segments].reverse().find((s) => s.start16 < e16);
    if (!first || !last) return null;
    const range = this.root.ownerDocument.createRange();
    range.setStart(first.node, Math.max(0, s16 - first.start16));
    range.setEnd(last.node, Math.min(last.node.data.length, e16 - last.start16));
    return range;
  }

  /** The first element that shows the body at a code-point offset. */
  elementAt(cpOffset: number): Element | null {
    const at16 = utf16Offset(this.cp, cpOffset);
    const seg = this.segments.find((s) => s.end16 > at16) ?? this.segments[this.segments.length - 1];
    return seg?.node.parentElement ?? null;
  }
}

/**
 * Wraps every span in <mark> elements (one per text piece), so overlapping
 * spans share pieces: a piece covered by several spans gets all their ids in
 * data-ids and all their classes. Returns the new map of the decorated DOM.
 */
export function applyMarks(map: TextMap, marks: Mark[]): TextMap {
  if (marks.length === 0) return map;
  const cp = codePointIndex(map.body);
  const ranges = marks.map((m) => ({ ...m, s16: utf16Offset(cp, m.start), e16: utf16Offset(cp, m.end) }));
  for (const seg of map.segments) {
    const covering = ranges.filter((r) => r.s16 < seg.end16 && r.e16 > seg.start16);
    if (covering.length === 0) continue;
    const cuts = new Set<number>([seg.start16, seg.end16]);
    for (const r of covering) {
      cuts.add(Math.max(r.s16, seg.start16));
      cuts.add(Math.min(r.e16, seg.end16));
    }
    splitAndWrap(seg, [...cuts].sort((a, b) => a - b), covering);
  }
  return new TextMap(map.root, map.body);
}

function splitAndWrap(seg: Segment, cuts: number[], covering: { id: string; className: string; s16: number; e16: number }[]) {
  const doc = seg.node.ownerDocument;
  const parent = seg.node.parentNode!;
  const frag = doc.createDocumentFragment();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i];
    const b = cuts[i + 1];
    if (b <= a) continue;
    const text = doc.createTextNode(seg.node.data.slice(a - seg.start16, b - seg.start16));
    const over = covering.filter((r) => r.s16 <= a && r.e16 >= b);
    if (over.length === 0) {
      frag.appendChild(text);
      continue;
    }
    const mark = doc.createElement('mark');
    mark.className = [...new Set(over.flatMap((r) => r.className.split(' ')))].join(' ');
    mark.dataset.ids = over.map((r) => r.id).join(' ');
    if (over.some((r) => r.s16 === a)) mark.dataset.starts = over.filter((r) => r.s16 === a).map((r) => r.id).join(' ');
    mark.appendChild(text);
    frag.appendChild(mark);
  }
  parent.replaceChild(frag, seg.node);
}

/** Plain-text bodies render as paragraphs, escaped, split on blank lines. */
export function paragraphsHTML(body: string): string {
  return body
    .split('\n\n')
    .map((p) => `<p>${escapeHTML(p)}</p>`)
    .join('');
}

export function escapeHTML(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
