import { test, expect, importFiles, articleFixtures, openApp, type Folio } from './folio';

// Articles written for this test, naming people and places.
const named = [
  ['blair-brown.txt', 'Blair and Brown discuss the budget\n\nPrime Minister Tony Blair met Chancellor Gordon Brown in London on Monday for budget talks. Mr Blair said the talks went well.'],
  ['paris.txt', 'Blair in Paris\n\nTony Blair flew to Paris for talks with French officials. Mr Blair later returned to London.'],
  ['edinburgh.txt', 'Brown in Edinburgh\n\nGordon Brown opened talks with business leaders in Edinburgh. Mr Brown said growth would return.'],
];

async function importNamed(folio: Folio) {
  const uploads = named.map(([name, text]) => ({ name, base64: Buffer.from(text).toString('base64') }));
  const report = await folio.call<{ imported: number }>('ImportUploads', uploads, { folderTags: false, tags: [] });
  expect(report.imported).toBe(3);
}

test.beforeEach(async ({ folio }) => {
  expect((await importFiles(folio, articleFixtures)).imported).toBe(5);
  await importNamed(folio);
});

test('facets filter by a person and then a place, writing the filters into the box', async ({ page, folio }) => {
  await openApp(page, folio);
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('talks');
  const rows = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(rows).toHaveCount(4);
  const facets = page.getByTestId('facets');
  await expect(facets.getByText('Results by person')).toBeVisible();
  await facets.locator('[data-facet="person:Tony Blair"]').click();
  await expect(box).toHaveValue('talks person:"Tony Blair"');
  await expect(rows).toHaveCount(2);
  await facets.locator('[data-facet="place:Paris"]').click();
  await expect(box).toHaveValue('talks person:"Tony Blair" place:Paris');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Blair in Paris');
});

test('the Names view lists the names with counts, and a name its articles and its companions', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.getByTestId('open-names').click();
  const view = page.getByTestId('names-view');
  await expect(view).toBeVisible();
  const people = view.getByTestId('names-person');
  await expect(people.getByRole('button')).toHaveText([/Gordon Brown\s*2/, /Tony Blair\s*2/]);
  await expect(view.getByTestId('names-place').getByRole('button', { name: /London\s*2/ })).toBeVisible();
  await people.getByRole('button', { name: /Tony Blair/ }).click();
  await expect(view.getByRole('heading', { name: 'Tony Blair' })).toBeVisible();
  await expect(view.getByText('Person · 2 articles')).toBeVisible();
  // Its articles over time: these two have no date.
  await expect(view.getByRole('list', { name: 'Articles by year' }).getByRole('listitem')).toHaveAttribute('title', 'no date: 2 articles');
  await expect(view.getByTestId('related-names')).toContainText('London');
  await expect(view.getByRole('button', { name: /Blair in Paris/ })).toBeVisible();
  await view.getByTestId('name-search').click();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('person:"Tony Blair"');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(2);
});

test('a name renamed in the Names view is found under its new name', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.getByTestId('open-names').click();
  const view = page.getByTestId('names-view');
  await view.getByTestId('names-person').getByRole('button', { name: /Gordon Brown/ }).click();
  await view.getByRole('textbox', { name: 'New name' }).fill('James Gordon Brown');
  await view.getByRole('button', { name: 'Rename' }).click();
  await expect(view.getByRole('heading', { name: 'James Gordon Brown' })).toBeVisible();
  const ids = await folio.call<number[]>('ArticleIDs', '', 'person:"james gordon brown"');
  expect(ids).toHaveLength(2);
});

test('an article shows the names in it, and one click searches for a name', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: /Blair in Paris/ }).click();
  const names = page.getByTestId('article-names');
  await expect(names.getByRole('button')).toHaveText(['Tony Blair', 'London', 'Paris']);
  await names.getByRole('button', { name: 'Paris' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('place:Paris');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(1);
});
