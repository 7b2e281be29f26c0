import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, importFiles, articleFixtures, fixtures, openApp, articleRows } from './folio';
import { selectText, openArticle } from './reading';

const diesel = articleFixtures.find((f) => f.endsWith('diesel-supplies.md'))!;

/** The file's text with a change made to it. */
function edited(file: string, change: (text: string) => string): string {
  return change(readFileSync(file, 'utf8'));
}

test.beforeEach(async ({ folio }) => {
  await importFiles(folio, articleFixtures);
});

test('select a passage, highlight it, add a note, reload: it is restored in the same place', async ({ page, folio }) => {
  await openApp(page, folio);
  await openArticle(page, 'Minsk says it supplied diesel to Moscow');
  await selectText(page, 'sixty thousand tonnes of diesel');
  await page.getByTestId('highlight-toolbar').getByRole('button', { name: 'Highlight green' }).click();
  const text = page.getByTestId('article-text');
  await expect(text.locator('mark.hl-green')).toHaveText('sixty thousand tonnes of diesel');

  const panel = page.getByTestId('annotation-panel');
  await panel.getByRole('button', { name: 'Add note' }).first().click();
  await panel.getByRole('textbox', { name: 'Note' }).fill('Check the **figure** against customs data');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.locator('.note strong')).toHaveText('figure');

  await page.reload();
  await openArticle(page, 'Minsk says it supplied diesel to Moscow');
  await expect(text.locator('mark.hl-green')).toHaveText('sixty thousand tonnes of diesel');
  await expect(panel).toContainText('“sixty thousand tonnes of diesel”');
  await expect(panel.locator('.note strong')).toHaveText('figure');
});

test('the key h highlights the selection; highlights may overlap', async ({ page, folio }) => {
  await openApp(page, folio);
  await openArticle(page, 'Minsk says it supplied diesel to Moscow');
  await selectText(page, 'sixty thousand tonnes');
  await page.keyboard.press('h');
  await expect(page.getByTestId('article-text').locator('mark.hl')).toHaveCount(1);
  await selectText(page, 'tonnes of diesel and petrol');
  await page.getByTestId('highlight-toolbar').getByRole('button', { name: 'Highlight blue' }).click();
  const marks = page.getByTestId('article-text').locator('mark.hl');
  await expect(marks).toHaveText(['sixty thousand ', 'tonnes', ' of diesel and petrol']);
  await expect(marks.nth(1)).toHaveClass(/hl-yellow/);
  await expect(marks.nth(1)).toHaveClass(/hl-blue/);
  await expect(page.getByTestId('annotation-panel').locator('li.item')).toHaveCount(2);
});

test('a deleted highlight comes back with Undo', async ({ page, folio }) => {
  await openApp(page, folio);
  await openArticle(page, 'Minsk says it supplied diesel to Moscow');
  await selectText(page, 'fuel market');
  await page.keyboard.press('h');
  const panel = page.getByTestId('annotation-panel');
  await panel.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('article-text').locator('mark.hl')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('article-text').locator('mark.hl')).toHaveText('fuel market');
});

test('re-importing an edited file moves the highlight with its text and orphans one whose text is gone', async ({ page, folio }) => {
  // Only a file imported from disk is the same file when imported again (an
  // upload has no path): the uploaded copy goes, and the file comes from a
  // folder the browser mode may read.
  const listed = await folio.call<{ articles: { id: number; title: string }[] }>('ListArticles', { limit: 50 });
  const uploaded = listed.articles.filter((a) => a.title === 'Minsk says it supplied diesel to Moscow').map((a) => a.id);
  await folio.call('TrashArticles', uploaded);
  await folio.call('EmptyTrash');
  const onDisk = path.join(folio.files, 'diesel-supplies.md');
  writeFileSync(onDisk, readFileSync(diesel));
  expect((await folio.call<{ imported: number }>('ImportPaths', [onDisk], { folderTags: false, tags: [] })).imported).toBe(1);

  await openApp(page, folio);
  await openArticle(page, 'Minsk says it supplied diesel to Moscow');
  await selectText(page, 'ready to increase shipments further');
  await page.keyboard.press('h');
  await expect(page.getByTestId('article-text').locator('mark.hl')).toHaveCount(1);
  await selectText(page, 'drew criticism from western capitals');
  await page.keyboard.press('h');
  await expect(page.getByTestId('article-text').locator('mark.hl')).toHaveCount(2);

  writeFileSync(
    onDisk,
    edited(diesel, (t) =>
      t
        .replace('Belarus has supplied', 'In a statement on state television, Belarus has supplied')
        .replace(', a plan that drew criticism from western capitals', ''),
    ),
  );
  const report = await folio.call<{ updated: number }>('ImportPaths', [onDisk], { folderTags: false, tags: [] });
  expect(report.updated).toBe(1);

  await page.reload();
  await openArticle(page, 'Minsk says it supplied diesel to Moscow');
  await expect(page.getByTestId('article-text')).toContainText('In a statement on state television');
  await expect(page.getByTestId('article-text').locator('mark.hl')).toHaveText(['ready to increase shipments further']);
  await expect(page.getByTestId('orphaned')).toContainText('drew criticism from western capitals');
});

test('uploading another page with the same name keeps both articles and the first one\'s highlight', async ({ page, folio }) => {
  await openApp(page, folio);
  await openArticle(page, 'Minsk says it supplied diesel to Moscow');
  await selectText(page, 'ready to increase shipments further');
  await page.keyboard.press('h');
  await expect(page.getByTestId('article-text').locator('mark.hl')).toHaveCount(1);

  const other = edited(diesel, (t) =>
    t.replace('Belarus has supplied', 'In a statement on state television, Belarus has supplied'),
  );
  const report = await folio.call<{ imported: number; updated: number }>(
    'ImportUploads',
    [{ name: path.basename(diesel), base64: Buffer.from(other).toString('base64') }],
    { folderTags: false, tags: [] },
  );
  expect([report.imported, report.updated]).toEqual([1, 0]);

  await page.reload();
  // Two articles, which the list shows as two versions of one story.
  const row = articleRows(page).filter({ hasText: 'Minsk says it supplied diesel to Moscow' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('versions-badge')).toHaveText('· 2 versions');
  const listed = await folio.call<{ articles: { id: number; title: string }[] }>('ListArticles', { sort: 'imported', limit: 50 });
  const first = listed.articles.filter((a) => a.title === 'Minsk says it supplied diesel to Moscow').map((a) => a.id).sort((a, b) => a - b)[0];
  const notes = await folio.call<{ exact: string; orphaned: boolean }[]>('ArticleAnnotations', first);
  expect(notes.map((n) => [n.exact, n.orphaned])).toEqual([['ready to increase shipments further', false]]);
  expect(await folio.call<unknown[]>('ArticleVersions', first)).toHaveLength(2);
});

test('export to Markdown writes the title, date, source and each highlight with its note', async ({ page, folio }) => {
  await openApp(page, folio);
  await openArticle(page, 'Minsk says it supplied diesel to Moscow');
  await selectText(page, 'domestic consumption would take priority');
  await page.keyboard.press('h');
  const panel = page.getByTestId('annotation-panel');
  await panel.getByRole('button', { name: 'Add note' }).first().click();
  await panel.getByRole('textbox', { name: 'Note' }).fill('The key line.');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.locator('.note')).toContainText('The key line.');

  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export' }).click();
  const file = await (await downloading).path();
  const md = readFileSync(file, 'utf8');
  expect(md).toContain('# Minsk says it supplied diesel to Moscow');
  expect(md).toContain('2023-09-15');
  expect(md).toContain('Reuters');
  expect(md).toContain('> domestic consumption would take priority');
  expect(md).toContain('The key line.');
});

test('hostile article HTML renders as inert text: nothing runs, nothing loads from the network', async ({ page, folio }) => {
  const report = await importFiles(folio, [path.join(fixtures, 'hostile.html')]);
  expect(report.imported).toBe(1);
  await openApp(page, folio);
  await openArticle(page, 'Harbour council approves new breakwater');
  const text = page.getByTestId('article-text');
  await expect(text).toContainText('limestone blocks quarried on the island');
  await expect(text.locator('script, iframe, style, form, input, img[src^="http"], [onclick], [onerror], [onmouseover]')).toHaveCount(0);

  // Hover and click everything a script could hang on.
  await text.getByText('Fishermen welcomed the decision').hover();
  await text.getByText('Fishermen welcomed the decision').click();
  await text.getByText("Read the council's statement").click();
  await expect(text.getByText('visit the council')).toHaveAttribute('href', 'https://example.org/council');

  expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
  expect(folio.remoteRequests).toEqual([]);
  await expect(page.getByTestId('reader-title')).toBeVisible();
  const csp = await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
  expect(csp).toContain("script-src 'self'");
});

test('reading progress is kept; reading to the end marks the article read, and it can be marked unread', async ({ page, folio }) => {
  const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} of a long report on the island's water supply, with figures for every district and every year since records began.`);
  await folio.call('ImportUploads', [{ name: 'long.txt', base64: Buffer.from(`A long report on water\n\n${paragraphs.join('\n\n')}`).toString('base64') }],
    { folderTags: false, tags: [] });
  await openApp(page, folio);
  await openArticle(page, 'A long report on water');
  const reader = page.getByRole('article', { name: 'Article' });
  await reader.evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
  await page.waitForTimeout(700); // the position is saved after a short pause
  await page.reload();
  await openArticle(page, 'A long report on water');
  await expect.poll(() => reader.evaluate((el) => Math.round((100 * el.scrollTop) / (el.scrollHeight - el.clientHeight)))).toBeGreaterThan(40);
  const unread = page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Unread/ });
  await expect(unread).toContainText('6');
  await reader.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(unread).toContainText('5');
  await expect(reader.getByRole('button', { name: 'Mark unread' })).toBeVisible();
  await reader.getByRole('button', { name: 'Mark unread' }).click();
  await expect(unread).toContainText('6');
});
