// Search helps: a respelling from the library's own words one click away,
// facets that toggle; and a tag added with t shows in the reader at once.
import { test, expect, importFiles, articleFixtures, openApp } from './folio';
import { openArticle } from './reading';

const governments = {
  name: 'governments.json',
  base64: Buffer.from(
    JSON.stringify(
      Array.from({ length: 6 }, (_, i) => ({
        title: `Cabinet meeting ${i + 1}`,
        date: `2023-0${i + 1}-10`,
        body: `The government met for the ${i + 1}th time this year to discuss the harbour.`,
      })),
    ),
  ).toString('base64'),
};

test.beforeEach(async ({ folio }) => {
  await importFiles(folio, articleFixtures);
  await folio.call('ImportUploads', [governments], { folderTags: false, tags: [] });
});

test('a misspelt word gets "did you mean" from the library\'s words, one click away', async ({ page, folio }) => {
  await openApp(page, folio);
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('goverment');
  await box.press('Enter');
  const offer = page.getByTestId('did-you-mean');
  await expect(offer).toContainText('Did you mean government?');
  await expect(offer).toContainText('8 articles'); // six here, and "governments" in two fixtures
  await offer.getByRole('button', { name: 'government' }).click();
  await expect(box).toHaveValue('government');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(8);
  await expect(offer).toHaveCount(0);
});

test('a facet clicked again takes its filter out of the search', async ({ page, folio }) => {
  await openApp(page, folio);
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('said');
  const facet = page.getByTestId('facets').locator('[data-facet="source:Malta Post"]');
  await expect(facet).toHaveAttribute('aria-pressed', 'false');
  await facet.click();
  await expect(box).toHaveValue('said source:"Malta Post"');
  await expect(facet).toHaveAttribute('aria-pressed', 'true');
  await facet.click();
  await expect(box).toHaveValue('said');
  await expect(facet).toHaveAttribute('aria-pressed', 'false');
});

test('a tag added with t shows in the reader header at once', async ({ page, folio }) => {
  await openApp(page, folio);
  await openArticle(page, 'Mobile phone sales rise again');
  await page.keyboard.press('t');
  const input = page.getByTestId('tag-editor').getByRole('textbox', { name: 'Add a tag' });
  await input.fill('handsets');
  await input.press('Enter');
  await input.press('Escape');
  await expect(page.getByRole('article', { name: 'Article' }).locator('header .tag')).toContainText(['handsets']);
});
