import { describe, expect, it } from 'vitest';
import { TextMap, applyMarks, codePointIndex, paragraphsHTML, utf16Offset } from './textmap';

function render(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.replaceChildren(root);
  return root;
}

describe('codePointIndex', () => {
  it('counts surrogate pairs as one code point', () => {
    const s = 'a😀b';
    const idx = codePointIndex(s);
    expect(Array.from(idx)).toEqual([0, 1, 1, 2, 3]);
    expect(utf16Offset(idx, 2)).toBe(3);
    expect(utf16Offset(idx, 3)).toBe(4);
  });
});

describe('TextMap', () => {
  const body = 'First paragraph with a link.\n\nSecond 😀 paragraph & more.';
  const html = '<p>First paragraph with <a href="https://example.org">a link</a>.</p><p>Second 😀 paragraph &amp; more.</p>';

  it('finds every text node in the body', () => {
    const map = new TextMap(render(html), body);
    expect(map.segments.map((s) => s.node.data)).toEqual(['First paragraph with ', 'a link', '.', 'Second 😀 paragraph & more.']);
  });

  it('turns a DOM selection into code points of the body', () => {
    const root = render(html);
    const map = new TextMap(root, body);
    const second = root.querySelectorAll('p')[1].firstChild!;
    const range = document.createRange();
    range.setStart(second, 'Second 😀 '.length);
    range.setEnd(second, 'Second 😀 paragraph'.length);
    const span = map.spanOf(range)!;
    expect([...body].slice(span.start, span.end).join('')).toBe('paragraph');
  });

  it('maps a selection across elements', () => {
    const root = render(html);
    const map = new TextMap(root, body);
    const range = document.createRange();
    range.setStart(root.querySelector('p')!.firstChild!, 6);
    range.setEnd(root.querySelector('a')!.firstChild!, 1);
    const span = map.spanOf(range)!;
    expect([...body].slice(span.start, span.end).join('')).toBe('paragraph with a');
  });

  it('rejects selections outside the article', () => {
    const map = new TextMap(render(html), body);
    const outside = document.createElement('div');
    outside.textContent = 'elsewhere';
    document.body.appendChild(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    expect(map.spanOf(range)).toBeNull();
  });
});

describe('applyMarks', () => {
  it('wraps spans, splitting text nodes, and lets them overlap', () => {
    const body = 'one two three four';
    const root = render(paragraphsHTML(body));
    const map = applyMarks(new TextMap(root, body), [
      { id: 'h1', className: 'hl hl-yellow', start: 4, end: 13 }, // "two three"
      { id: 'h2', className: 'hl hl-blue', start: 8, end: 18 }, // "three four"
    ]);
    const marks = [...root.querySelectorAll('mark')].map((m) => [m.textContent, m.dataset.ids]);
    expect(marks).toEqual([
      ['two ', 'h1'],
      ['three', 'h1 h2'],
      [' four', 'h2'],
    ]);
    expect(root.textContent).toBe(body);
    // The new map still finds the text after decoration.
    const range = document.createRange();
    range.selectNodeContents(root.querySelectorAll('mark')[1]);
    const span = map.spanOf(range)!;
    expect(body.slice(span.start, span.end)).toBe('three');
  });

  it('marks code-point spans correctly after emoji', () => {
    const body = '😀😀 target';
    const root = render(paragraphsHTML(body));
    applyMarks(new TextMap(root, body), [{ id: 'm0', className: 'hit', start: 3, end: 9 }]);
    expect(root.querySelector('mark')!.textContent).toBe('target');
    expect(root.querySelector('mark')!.dataset.starts).toBe('m0');
  });

  it('escapes plain text', () => {
    const root = render(paragraphsHTML('<script>x</script>\n\nok'));
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelectorAll('p')).toHaveLength(2);
  });
});
