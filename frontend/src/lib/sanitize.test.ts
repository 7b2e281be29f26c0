import { describe, expect, it } from 'vitest';
import { cleanArticleHTML } from './sanitize';
import { renderNote } from './markdown';

describe('cleanArticleHTML', () => {
  it('drops script, handlers, javascript: links, frames and remote images', () => {
    const dirty =
      '<p onclick="x()">Hi <script>window.pwned=1</script><img src="https://tracker.example/p.gif">' +
      '<img src=x onerror="window.pwned=1"><a href="javascript:alert(1)">bad</a><a href="https://ok.example">ok</a></p>' +
      '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>';
    const clean = cleanArticleHTML(dirty);
    expect(clean).not.toMatch(/script|onerror|onclick|javascript:|iframe|<style|tracker/);
    expect(clean).toContain('href="https://ok.example"');
    expect(clean).toContain('bad');
  });
  it('keeps data images', () => {
    expect(cleanArticleHTML('<img src="data:image/png;base64,AAAA" alt="x">')).toContain('data:image/png');
  });
});

describe('renderNote', () => {
  it('renders Markdown and removes markup it should not keep', () => {
    const html = renderNote('**bold** and <img src=x onerror=alert(1)> [link](javascript:alert(1))');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toMatch(/onerror|javascript:/);
  });
});
