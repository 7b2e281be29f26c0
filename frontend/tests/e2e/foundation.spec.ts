import path from 'node:path';
import { test, expect, fixtures, upload, openApp, articleRows } from './folio';

test('an empty library teaches what to drop', async ({ page, folio }) => {
  await openApp(page, folio);
  await expect(page.getByRole('heading', { name: 'Drop article files here' })).toBeVisible();
});

test('a seed-format article imported through the API shows in the list and opens', async ({ page, folio }) => {
  const report = await folio.call<{ imported: number; results: { status: string; published: string }[] }>(
    'ImportUploads',
    [upload(path.join(fixtures, 'seed-format.txt'))],
    { folderTags: false, tags: [] },
  );
  expect(report.imported).toBe(1);
  expect(report.results[0].published).toBe('2023-09-15');

  await openApp(page, folio);
  const row = articleRows(page).first();
  await expect(row).toContainText('Harbour authorities in Valletta said on Friday');
  await expect(row).toContainText('15 Sep 2023');
  await row.click();
  await expect(page.getByTestId('reader-title')).toHaveText(/^Harbour authorities in Valletta said on Friday/);
  await expect(page.getByTestId('reader-date')).toHaveText('15 Sep 2023');
  await expect(page.locator('.reader .body')).toContainText('Watch: How the new ferry terminal was built');
  expect(folio.remoteRequests).toEqual([]);
});

test('a title made from the first sentence is shown quieter than a file\'s own title', async ({ page, folio }) => {
  await folio.call('ImportUploads', [upload(path.join(fixtures, 'seed-format.txt')), upload(path.join(fixtures, 'articles', 'mobile-sales.txt'))], {
    folderTags: false,
    tags: [],
  });
  await openApp(page, folio);
  const derived = articleRows(page).filter({ hasText: 'Harbour authorities' }).locator('.title');
  const own = articleRows(page).filter({ hasNotText: 'Harbour authorities' }).locator('.title');
  await expect(derived).toHaveClass(/derived/);
  await expect(own).not.toHaveClass(/derived/);
  const color = (l: typeof derived) => l.evaluate((e) => getComputedStyle(e).color);
  expect(await color(derived)).not.toBe(await color(own));

  const title = page.getByTestId('reader-title');
  const weight = () => title.evaluate((e) => getComputedStyle(e).fontWeight);
  await own.click();
  await expect(title).not.toHaveClass(/derived/);
  const ownWeight = await weight();
  await derived.click();
  await expect(title).toHaveClass(/derived/);
  await expect(title).toHaveAttribute('title', /no title/);
  expect(Number(await weight())).toBeLessThan(Number(ownWeight));
});

test('importing the same file twice reports a duplicate', async ({ folio }) => {
  const file = path.join(fixtures, 'seed-format.txt');
  const first = await folio.call<{ imported: number }>('ImportUploads', [upload(file)], { folderTags: false, tags: [] });
  const again = await folio.call<{ duplicates: number; results: { status: string }[] }>(
    'ImportUploads', [upload(file, 'renamed.txt')], { folderTags: false, tags: [] });
  expect(first.imported).toBe(1);
  expect(again.duplicates).toBe(1);
  expect(again.results[0].status).toBe('duplicate');
});

test('the file picker of the browser mode imports and shows a summary', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.getByTestId('import-files').setInputFiles(path.join(fixtures, 'seed-format.txt'));
  await expect(page.getByTestId('import-summary')).toContainText('1 imported');
  await expect(articleRows(page)).toHaveCount(1);
});
