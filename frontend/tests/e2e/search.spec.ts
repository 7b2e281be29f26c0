import { test, expect, importFiles, articleFixtures, openApp } from './folio';

test.beforeEach(async ({ folio }) => {
  const report = await importFiles(folio, articleFixtures);
  expect(report.imported).toBe(5);
});

test('typing a query shows ranked hits with marked snippets, stems included', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.type('supply');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option').first()).toContainText('Minsk says it supplied diesel to Moscow');
  await expect(results.getByTestId('snippet').first().locator('mark')).toHaveText(['supplied']);
});

test('a question typed or pasted as it is finds the best partial matches, ranked', async ({ page, folio }) => {
  await openApp(page, folio);
  await page
    .getByRole('searchbox', { name: 'Search' })
    .fill('How much diesel did Belarus send to Russia, and what did western capitals say about the cooperation?');
  const rows = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(rows.first()).toContainText('Minsk says it supplied diesel to Moscow');
  expect(await rows.count()).toBeGreaterThan(1); // others share some of its words
  await expect(page.getByTestId('no-hits')).toHaveCount(0);
});

test('the word being typed is searched as a prefix', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.getByRole('searchbox', { name: 'Search' }).click();
  await page.keyboard.type('refurbi');
  const rows = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Mobile phone sales rise again');
  await expect(page.getByTestId('snippet').first().locator('mark')).toHaveText(['refurbished']);
});

test('a title match helps an article rank', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.getByRole('searchbox', { name: 'Search' }).fill('phones');
  const rows = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(rows.first()).toContainText('Mobile phone sales rise again');
});

test('a facet narrows the query by writing a filter into the box', async ({ page, folio }) => {
  await openApp(page, folio);
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('energy OR diesel');
  const rows = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(rows).toHaveCount(3);
  await page.getByTestId('facets').locator('[data-facet="source:Reuters"]').click();
  await expect(box).toHaveValue('energy OR diesel source:Reuters');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Minsk says it supplied diesel');
});

test('opening a hit shows the article at its first match with every match marked', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.getByRole('searchbox', { name: 'Search' }).fill('diesel');
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: 'Minsk' }).click();
  const text = page.getByTestId('article-text');
  await expect(text.locator('mark.hit')).toHaveCount(1);
  await expect(text.locator('mark.hit-current')).toHaveText('diesel');
  await expect(page.getByTestId('match-nav')).toContainText('1 of 1');
});

test('next and previous match keys move between matches', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.getByRole('searchbox', { name: 'Search' }).fill('phones');
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().click();
  const nav = page.getByTestId('match-nav');
  await expect(nav).toContainText('1 of 3');
  await page.locator('body').click({ position: { x: 5, y: 500 } });
  await page.keyboard.press('n');
  await expect(nav).toContainText('2 of 3');
  await page.keyboard.press('Shift+N');
  await expect(nav).toContainText('1 of 3');
});

test('a query of pure punctuation gets a friendly message, not an error', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.getByRole('searchbox', { name: 'Search' }).fill('"((*-^:');
  await expect(page.getByTestId('search-message')).toBeVisible();
  await expect(page.getByTestId('search-status')).not.toContainText(/sqlite|syntax|fts5/i);
});

test('no hits says so and suggests dropping the most restrictive part', async ({ page, folio }) => {
  await openApp(page, folio);
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('diesel tag:politics');
  await expect(page.getByTestId('no-hits')).toContainText('No articles match');
  await expect(page.getByTestId('no-hits')).toContainText('tag:politics');
  await page.getByTestId('no-hits').getByRole('button').click();
  await expect(box).toHaveValue('diesel');
});

test('Escape clears the search and the list comes back; the query survives a reload', async ({ page, folio }) => {
  await openApp(page, folio);
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('summit');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('summit');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search' }).press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option')).toHaveCount(5);
});
