// Keys typed into a text field are the person's text: no single-key
// shortcut from the "?" sheet may act while the focus is in one.
import type { Locator, Page } from '@playwright/test';
import { test, expect, importFiles, articleFixtures, openApp, articleRows } from './folio';
import { selectText, openArticle } from './reading';

test.beforeEach(async ({ folio }) => {
  await importFiles(folio, articleFixtures);
});

/** Every key the shortcuts sheet lists, as Playwright names them. */
async function sheetKeys(page: Page): Promise<string[]> {
  await page.keyboard.press('?');
  const sheet = page.getByTestId('shortcuts');
  await expect(sheet).toBeVisible();
  const keys = await sheet.locator('kbd').allTextContents();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  return keys;
}

/** The text a single-key shortcut types ("Shift+J" types "J"), or null for keys that type nothing. */
function typed(key: string): string | null {
  const k = key.replace(/^Shift\+/, '').replace(/^Space$/, ' ');
  if (k.length !== 1) return null;
  return key.startsWith('Shift+') ? k.toUpperCase() : k;
}

/**
 * Presses every single-key shortcut in the field: the characters must all
 * land in it, the focus must stay there, and no shortcut may act (the
 * sheet does not open, the article is neither trashed nor starred).
 * Arrow keys and Delete move or delete inside the field; they are pressed
 * too, except in fields where the arrows have a meaning of their own.
 */
async function typeEveryKey(page: Page, keys: string[], field: Locator, opts: { arrows: boolean } = { arrows: true }) {
  await field.click();
  await expect(field).toBeFocused();
  await page.keyboard.press('Control+End'); // type after the text already there
  const before = await field.inputValue();
  const single = keys.filter((k) => !k.startsWith('Ctrl+') && k !== 'Escape' && k !== 'Enter');
  const chars = single.filter((k) => typed(k) !== null);
  // Delete first, at the end of the text; then the keys that only move the caret.
  const moves = single
    .filter((k) => typed(k) === null && (opts.arrows || !k.includes('Arrow')))
    .sort((a, b) => Number(b === 'Delete') - Number(a === 'Delete'));
  for (const k of chars) await page.keyboard.press(k);
  for (const k of moves) await page.keyboard.press(k);
  await expect(field).toHaveValue(before + chars.map(typed).join(''));
  await expect(field).toBeFocused();
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);
  return moves;
}

test('every shortcut key typed into every text field stays in the field and does nothing else', async ({ page, folio }) => {
  await openApp(page, folio);
  const keys = await sheetKeys(page);
  await expect(articleRows(page)).toHaveCount(5);
  expect(keys).toEqual(expect.arrayContaining(['/', 'j', 'h', 't', 's', '#', 'Delete', '?', 'Shift+J']));
  const box = page.getByRole('searchbox', { name: 'Search' });
  const title = 'Minsk says it supplied diesel to Moscow';

  // The search box itself (↓ leaves it for the results, so no arrows here).
  const moves = await typeEveryKey(page, keys, box, { arrows: false });
  expect(moves).toContain('Delete');

  // Name a saved search, then rename it.
  await box.fill('diesel');
  await page.getByRole('button', { name: 'Save search' }).click();
  await typeEveryKey(page, keys, page.getByRole('textbox', { name: 'Saved search name' }));
  await page.keyboard.press('Enter');
  await page.getByTestId('saved-searches').locator('.saved').hover();
  await page.getByRole('button', { name: /^Rename / }).click();
  await typeEveryKey(page, keys, page.getByTestId('saved-searches').getByRole('textbox', { name: 'Saved search name' }));
  await page.keyboard.press('Escape');
  await box.fill('');

  // A highlight's note and the article's own note.
  await openArticle(page, title);
  await selectText(page, 'sixty thousand tonnes');
  await page.keyboard.press('h');
  const panel = page.getByTestId('annotation-panel');
  await panel.getByRole('button', { name: 'Add note' }).click();
  const note = panel.getByRole('textbox', { name: 'Note' });
  await note.fill('see https://example.org ');
  await typeEveryKey(page, keys, note);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.locator('.note')).toContainText('see https://example.org /');
  await panel.getByRole('button', { name: 'Add a note' }).click();
  await typeEveryKey(page, keys, panel.getByRole('textbox', { name: 'Note' }));
  await page.keyboard.press('Escape');

  // The tag editor and a tag's name.
  await page.getByTestId('article-text').click();
  await page.keyboard.press('t');
  await typeEveryKey(page, keys, page.getByTestId('tag-editor').getByRole('textbox', { name: 'Add a tag' }), { arrows: false });
  await page.keyboard.press('Escape');
  await page.getByTestId('tag-tree').getByRole('button', { name: 'Edit tag energy' }).click();
  await typeEveryKey(page, keys, page.getByRole('textbox', { name: 'Tag name' }));
  await page.keyboard.press('Escape');

  // The filter of All highlights.
  await page.getByRole('button', { name: 'All highlights' }).click();
  await typeEveryKey(page, keys, page.getByRole('searchbox', { name: 'Filter by text' }));

  // Nothing acted: the search box is as it was left, the article is in
  // the library, unstarred, and untouched by tags typed as keys.
  await expect(box).toHaveValue('');
  const article = await folio.call<{ deletedAt?: string; starred: boolean; tags: unknown[] }>(
    'GetArticle',
    Number(await articleRows(page).filter({ hasText: title }).getAttribute('data-id')),
  );
  expect(article.starred).toBe(false);
  expect(article.tags).toHaveLength(2);
  await expect(articleRows(page)).toHaveCount(5);
});
