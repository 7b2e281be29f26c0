import type { Page } from '@playwright/test';
import { test, expect, importFiles, articleFixtures, openApp, articleRows } from './folio';

test.beforeEach(async ({ folio }) => {
  await importFiles(folio, articleFixtures);
});

const row = (page: Page, title: string) => articleRows(page).filter({ hasText: title });
const tagButton = (page: Page, path: string) => page.getByTestId('tag-tree').locator(`[data-tag="${path}"]`);

test('tag several articles at once with the tag editor, creating the tag on the fly', async ({ page, folio }) => {
  await openApp(page, folio);
  await row(page, 'Mobile phone sales rise again').click();
  await row(page, 'Parliament passes the spring budget').click({ modifiers: ['Control'] });
  await expect(page.getByTestId('bulk-bar')).toContainText('2 articles selected');
  await page.keyboard.press('t');
  const editor = page.getByTestId('tag-editor');
  await editor.getByRole('textbox', { name: 'Add a tag' }).fill('to read/later');
  await editor.getByRole('textbox', { name: 'Add a tag' }).press('Enter');
  await editor.getByRole('textbox', { name: 'Add a tag' }).press('Escape');
  await expect(row(page, 'Mobile phone sales rise again')).toContainText('to read/later');
  await expect(row(page, 'Parliament passes the spring budget')).toContainText('to read/later');
  await expect(tagButton(page, 'to read/later')).toContainText('2');
  await expect(tagButton(page, 'to read')).toBeVisible(); // the parent of the hierarchy
});

test('rename a tag, then rename another onto it to merge them', async ({ page, folio }) => {
  await openApp(page, folio);
  const tree = page.getByTestId('tag-tree');
  await tree.getByRole('button', { name: 'Edit tag energy' }).click();
  await tree.getByRole('textbox', { name: 'Tag name' }).fill('fuel');
  await tree.getByRole('button', { name: 'Rename' }).click();
  await expect(tagButton(page, 'fuel')).toContainText('2');
  await expect(tagButton(page, 'energy')).toHaveCount(0);

  await tree.getByRole('button', { name: 'Edit tag politics' }).click();
  await tree.getByRole('textbox', { name: 'Tag name' }).fill('Fuel');
  await tree.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByText('Merged “politics” into “Fuel”.')).toBeVisible();
  await expect(page.getByTestId('tag-tree').locator('[data-tag="Fuel" i]')).toContainText('3');
  await expect(tagButton(page, 'politics')).toHaveCount(0);
});

test('click a tag to filter, Ctrl+click another to intersect', async ({ page, folio }) => {
  await openApp(page, folio);
  const box = page.getByRole('searchbox', { name: 'Search' });
  await tagButton(page, 'russia').click();
  await expect(box).toHaveValue('tag:russia');
  const results = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(results).toHaveCount(2);
  await tagButton(page, 'energy').click({ modifiers: ['Control'] });
  await expect(box).toHaveValue('tag:russia tag:energy');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('Minsk says it supplied diesel');
  await tagButton(page, 'region').click(); // a parent matches its children
  await expect(box).toHaveValue('tag:region');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('Korean leader arrives');
});

test('save a search, leave it, and reopen it from the sidebar', async ({ page, folio }) => {
  await openApp(page, folio);
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('energy prices');
  await page.getByRole('button', { name: 'Save search' }).click();
  await page.getByRole('textbox', { name: 'Saved search name' }).fill('Prices');
  await page.getByRole('textbox', { name: 'Saved search name' }).press('Enter');
  const saved = page.getByTestId('saved-searches');
  await expect(saved.getByRole('button', { name: 'Prices' })).toBeVisible();
  await box.press('Escape');
  await expect(box).toHaveValue('');
  await page.reload();
  await page.getByTestId('saved-searches').getByRole('button', { name: 'Prices' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('energy prices');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText('Energy prices ease');
});

test('delete moves to the Trash, where the article can be restored', async ({ page, folio }) => {
  await openApp(page, folio);
  await row(page, 'Mobile phone sales rise again').click();
  await page.keyboard.press('#');
  await expect(page.getByText('Moved 1 article to the Trash.')).toBeVisible();
  await expect(row(page, 'Mobile phone sales rise again')).toHaveCount(0);
  const nav = page.getByRole('navigation', { name: 'Library' });
  await expect(nav.getByRole('button', { name: /Trash/ })).toContainText('1');
  await nav.getByRole('button', { name: /Trash/ }).click();
  await row(page, 'Mobile phone sales rise again').click();
  await page.keyboard.press('r'); // in the Trash, r restores
  await expect(page.getByText('Restored 1 article from the Trash.')).toBeVisible();
  await nav.getByRole('button', { name: /^All \d/ }).click();
  await expect(row(page, 'Mobile phone sales rise again')).toHaveCount(1);
});

test('keyboard only: search, open a result, read it, tag it, star it', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.keyboard.press('/');
  await page.keyboard.type('vladivostok');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowDown'); // from the box to the list
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader-title')).toHaveText('Korean leader arrives in Vladivostok for summit');
  await page.keyboard.press('t');
  await page.keyboard.type('summits');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tag-editor')).toHaveCount(0);
  await page.keyboard.press('s');
  await expect(page.getByRole('button', { name: '★' })).toHaveAttribute('aria-pressed', 'true');
  await expect(tagButton(page, 'summits')).toContainText('1');
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toContainText('Tag the selected articles');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);
});

test('dragging across the timeline writes those months into the search box', async ({ page, folio }) => {
  await openApp(page, folio);
  const timeline = page.getByTestId('timeline');
  await timeline.locator('[data-month="2023-04"]').hover();
  await page.mouse.down();
  await timeline.locator('[data-month="2023-05"]').hover();
  await expect(timeline.locator('.bar.in')).toHaveCount(2); // the months being chosen light up
  await page.mouse.up();
  const box = page.getByRole('searchbox', { name: 'Search' });
  await expect(box).toHaveValue('after:2023-04 before:2023-06');
  const rows = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Parliament passes the spring budget' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Energy prices ease for households' })).toHaveCount(1);
  // A click on one month narrows to it, replacing the range.
  await timeline.locator('[data-month="2023-09"]').click();
  await expect(box).toHaveValue('after:2023-09 before:2023-10');
  await expect(rows).toHaveCount(2);
});
