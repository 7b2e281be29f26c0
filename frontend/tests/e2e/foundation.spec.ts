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
