// A selection and the search markers last only as long as what they belong to.
import { test, expect, importFiles, articleFixtures, openApp } from './folio';

test.beforeEach(async ({ folio }) => {
  await importFiles(folio, articleFixtures);
});

test('clearing the search clears the selection made in its results, and the reader\'s match markers', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.getByRole('searchbox', { name: 'Search' }).fill('said');
  const results = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(results).toHaveCount(4);
  await results.first().click();
  await expect(page.getByTestId('match-nav')).toContainText('1 of');
  const open = await page.getByTestId('reader-title').textContent();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
  const bar = page.getByTestId('bulk-bar');
  await expect(bar).toContainText('4 articles selected');

  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId('match-nav')).toHaveCount(0);
  await expect(page.getByTestId('article-text').locator('mark.hit')).toHaveCount(0);
  await expect(page.getByTestId('reader-title')).toHaveText(open!); // the article stays open

  // Delete acts on what is shown: the open article, not the four results.
  await page.keyboard.press('Delete');
  await expect(page.getByText('Moved 1 article to the Trash.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Trash/ })).toContainText('1');
});

test('typing another query clears the selection', async ({ page, folio }) => {
  await openApp(page, folio);
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('said');
  const results = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(results).toHaveCount(4);
  await results.first().click();
  await results.nth(2).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('bulk-bar')).toContainText('3 articles selected');
  await box.fill('said energy');
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
});
