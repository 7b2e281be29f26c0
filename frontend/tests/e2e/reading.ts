// Helpers for tests that read and highlight: open an article, select text.
import type { Page } from '@playwright/test';
import { expect, articleRows } from './folio';

/** Selects the first occurrence of a phrase in the article text, as a person dragging the mouse would. */
export async function selectText(page: Page, phrase: string) {
  await page.getByTestId('article-text').evaluate((root, phrase) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const full = nodes.map((n) => n.data).join('');
    const at = full.indexOf(phrase);
    if (at < 0) throw new Error(`"${phrase}" is not in the article`);
    const locate = (offset: number): [Text, number] => {
      for (const n of nodes) {
        if (offset <= n.data.length) return [n, offset];
        offset -= n.data.length;
      }
      throw new Error('offset past the end');
    };
    const range = document.createRange();
    range.setStart(...locate(at));
    range.setEnd(...locate(at + phrase.length));
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, phrase);
}

export async function openArticle(page: Page, title: string) {
  await articleRows(page).filter({ hasText: title }).click();
  await expect(page.getByTestId('reader-title')).toHaveText(title);
}

/** An article long enough to scroll: sixty short paragraphs about a harbour. */
export const longRead = {
  name: 'long-read.md',
  base64: Buffer.from(
    '---\ntitle: A long read about harbours\ndate: 2023-01-05\n---\n\n' +
      Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} tells how the harbour grew, quay by quay, over the years.`).join('\n\n'),
  ).toString('base64'),
};
