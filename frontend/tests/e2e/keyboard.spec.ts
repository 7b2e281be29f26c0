// Keyboard all the way: from the search box to the first result, into the
// article, scrolling it, and selecting text by sentence or paragraph to
// highlight it.
import type { Page } from '@playwright/test';
import { test, expect, importFiles, articleFixtures, openApp, articleRows } from './folio';
import { longRead } from './reading';

test.beforeEach(async ({ folio }) => {
  await importFiles(folio, articleFixtures);
  await folio.call('ImportUploads', [longRead], { folderTags: false, tags: [] });
});

const scrollTop = (page: Page) => page.getByRole('article', { name: 'Article' }).evaluate((el) => el.scrollTop);

test('↓ from the search box selects the first result and Enter opens it', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.keyboard.press('/');
  await page.keyboard.type('said');
  const results = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(results).toHaveCount(4);
  await page.keyboard.press('ArrowDown');
  await expect(results.first()).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('searchbox', { name: 'Search' })).not.toBeFocused();
  const first = (await results.first().locator('.title').textContent())!.trim();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader-title')).toHaveText(first);
});

test('in the article ↓, j, Space and PageDown scroll it instead of changing article', async ({ page, folio }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await openApp(page, folio);
  const title = page.getByTestId('reader-title');
  await page.keyboard.press('/');
  await page.keyboard.type('harbours');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(title).toHaveText('A long read about harbours');
  await expect(page.getByRole('article', { name: 'Article' })).toBeFocused();

  let last = await scrollTop(page);
  for (const key of ['ArrowDown', 'j', 'Space', 'PageDown']) {
    await page.keyboard.press(key);
    await expect.poll(() => scrollTop(page), { message: key }).toBeGreaterThan(last);
    last = await scrollTop(page);
  }
  await page.keyboard.press('k');
  await expect.poll(() => scrollTop(page)).toBeLessThan(last);
  await expect(title).toHaveText('A long read about harbours');

  // Opened with the mouse, Space still pages through the article, while j moves in the list.
  await page.keyboard.press('Escape'); // back to the list
  await page.keyboard.press('Escape'); // clear the search
  await articleRows(page).filter({ hasText: 'A long read' }).click();
  const before = await scrollTop(page);
  await page.keyboard.press('Space');
  await expect.poll(() => scrollTop(page)).toBeGreaterThan(before);
  await page.keyboard.press('j');
  await expect(title).not.toHaveText('A long read about harbours');
});

test('select by sentence or paragraph from the keyboard, extend with Shift, highlight with h', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.keyboard.press('/');
  await page.keyboard.type('diesel');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader-title')).toHaveText('Minsk says it supplied diesel to Moscow');
  const selected = () => page.evaluate(() => window.getSelection()!.toString().replace(/\s+/g, ' '));

  await page.keyboard.press('e');
  await expect.poll(selected).toMatch(/^Belarus has supplied .* shipments further\.$/);
  await page.keyboard.press('e');
  await expect.poll(selected).toMatch(/^The announcement came .* western capitals\.$/);
  await page.keyboard.press('w');
  await expect.poll(selected).toMatch(/^Belarus has supplied/);
  await page.keyboard.press('Shift+E');
  await expect.poll(selected).toMatch(/^Belarus has supplied .* further\. The announcement came .* western capitals\.$/);
  await expect(page.getByTestId('highlight-toolbar')).toBeVisible();
  await page.keyboard.press('h');

  const id = Number(await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().getAttribute('data-id'));
  const exact = async () => (await folio.call<{ exact: string }[]>('ArticleAnnotations', id)).map((a) => a.exact.replace(/\s+/g, ' '));
  await expect.poll(exact).toEqual([expect.stringMatching(/^Belarus has supplied .* western capitals\.$/)]);
  // The reader draws the new highlight before it takes the next key.
  await expect(page.getByTestId('article-text').locator('mark').first()).toBeVisible();

  await page.keyboard.press('p');
  await expect.poll(selected).toMatch(/^Belarus has supplied .* shipments further\.$/);
  await page.keyboard.press('p');
  await expect.poll(selected).toMatch(/^The announcement came .* western capitals\.$/);
  await page.keyboard.press('Shift+P');
  await expect.poll(selected).toMatch(/^The announcement .* Officials in Moscow .* rest of the year\.$/);
  await page.keyboard.press('Escape');
  await expect.poll(selected).toBe('');
  await expect(page.getByTestId('highlight-toolbar')).toHaveCount(0);
});
