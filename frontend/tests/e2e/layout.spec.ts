// Small windows: the sidebar goes first, then the list beside an open
// article, so the article text keeps a readable measure with the notes
// panel open; [ and ] bring each pane back (or hide it).
import type { Page } from '@playwright/test';
import { test, expect, importFiles, articleFixtures, openApp } from './folio';
import { openArticle } from './reading';

test.beforeEach(async ({ folio }) => {
  await importFiles(folio, articleFixtures);
});

/** About 45 characters of the article's serif at 18 px: the least readable measure. */
const READABLE = 420;
const title = 'Minsk says it supplied diesel to Moscow';

async function box(page: Page, testid: string) {
  const b = await page.getByTestId(testid).boundingBox();
  expect(b, testid).not.toBeNull();
  return b!;
}

/** The article text is wide enough and nothing covers it. */
async function expectReadable(page: Page, viewport: { width: number }) {
  const text = await box(page, 'article-text');
  expect(text.width).toBeGreaterThanOrEqual(READABLE);
  expect(text.x).toBeGreaterThanOrEqual(0);
  const panel = page.getByTestId('annotation-panel');
  const right = (await panel.count()) ? (await box(page, 'annotation-panel')).x : viewport.width;
  expect(text.x + text.width).toBeLessThanOrEqual(right);
  if (await page.getByTestId('list-pane').isVisible()) {
    const list = await box(page, 'list-pane');
    expect(text.x).toBeGreaterThanOrEqual(list.x + list.width);
  }
}

for (const viewport of [
  { width: 800, height: 600 },
  { width: 900, height: 700 },
]) {
  test(`at ${viewport.width}×${viewport.height} the reader keeps a readable measure, with the notes panel open too`, async ({ page, folio }) => {
    await page.setViewportSize(viewport);
    await openApp(page, folio);
    const sidebar = page.getByTestId('sidebar');
    const list = page.getByTestId('list-pane');
    await expect(sidebar).toBeHidden(); // the sidebar goes first
    await expect(list).toBeVisible();

    await openArticle(page, title);
    await expectReadable(page, viewport);

    await page.getByTestId('article-text').click();
    await page.keyboard.press('a'); // the notes panel
    await expect(page.getByTestId('annotation-panel')).toBeVisible();
    await expect(list).toBeHidden(); // then the list beside the reader
    await expectReadable(page, viewport);

    // ] brings the list over the reader; choosing an article puts it away.
    await page.keyboard.press(']');
    await expect(list).toBeVisible();
    await list.getByRole('option').filter({ hasText: 'Mobile phone sales' }).click();
    await expect(page.getByTestId('reader-title')).toHaveText('Mobile phone sales rise again');
    await expect(list).toBeHidden();

    // [ brings the sidebar over the reader and takes it away again; so does its button.
    await page.keyboard.press('[');
    await expect(sidebar).toBeVisible();
    await page.keyboard.press('[');
    await expect(sidebar).toBeHidden();
    await page.getByRole('toolbar', { name: 'Reader' }).getByRole('button', { name: 'Article list' }).click();
    await expect(list).toBeVisible();
    await list.getByRole('button', { name: 'Sidebar' }).click();
    await expect(sidebar).toBeVisible();
    await page.keyboard.press('Escape'); // Escape puts away what is over the reader
    await expect(sidebar).toBeHidden();
    await expect(list).toBeHidden();
    await expectReadable(page, viewport);

    // The search key brings the list back to type in.
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  });
}

test('a wide window shows every pane, and each can be hidden and brought back with its key', async ({ page, folio }) => {
  await page.setViewportSize({ width: 1400, height: 800 });
  await openApp(page, folio);
  await openArticle(page, title);
  const sidebar = page.getByTestId('sidebar');
  const list = page.getByTestId('list-pane');
  await expect(sidebar).toBeVisible();
  await expect(list).toBeVisible();
  await expectReadable(page, { width: 1400 });
  const before = (await box(page, 'article-text')).x;
  await page.keyboard.press('[');
  await expect(sidebar).toBeHidden();
  await page.keyboard.press(']');
  await expect(list).toBeHidden();
  expect((await box(page, 'article-text')).x).toBeLessThan(before); // the reader took the room
  await page.keyboard.press('[');
  await page.keyboard.press(']');
  await expect(sidebar).toBeVisible();
  await expect(list).toBeVisible();
});
