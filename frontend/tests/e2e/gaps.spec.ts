// The smaller gaps: reading progress, Settings and tag editing reachable
// without a hidden key or hover, a Markdown export that says where each
// highlight is from, and a place for undated articles on the timeline.
import { test, expect, importFiles, articleFixtures, openApp, articleRows } from './folio';
import { longRead, openArticle, selectText } from './reading';

const undated = { name: 'undated.txt', base64: Buffer.from('Harbour works begin\n\nWork on the new quay began this week.').toString('base64') };

test.beforeEach(async ({ folio }) => {
  await importFiles(folio, articleFixtures);
  await folio.call('ImportUploads', [longRead, undated], { folderTags: false, tags: [] });
});

test('a thin bar and a percentage show how far the article is read', async ({ page, folio }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await openApp(page, folio);
  await openArticle(page, 'A long read about harbours');
  const bar = page.getByRole('progressbar', { name: 'Reading progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', '0');
  await expect(page.getByTestId('reading-progress')).toHaveText('0%');
  await page.getByRole('article', { name: 'Article' }).evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
  await expect(bar).toHaveAttribute('aria-valuenow', '50');
  await page.getByRole('article', { name: 'Article' }).evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.getByTestId('reading-progress')).toHaveText('100%');
});

test('Settings opens from a button, and a tag\'s menu is in sight without hovering', async ({ page, folio }) => {
  await openApp(page, folio);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('settings')).toBeVisible();
  await page.keyboard.press('Escape');
  const more = page.getByTestId('tag-tree').getByRole('button', { name: 'Edit tag energy' });
  await expect(more).toBeVisible();
  expect(await more.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  await more.click();
  await expect(page.getByRole('textbox', { name: 'Tag name' })).toHaveValue('energy');
});

test('a parent that exists only through its children can be renamed, moving them', async ({ page, folio }) => {
  await openApp(page, folio);
  const tree = page.getByTestId('tag-tree');
  await tree.getByRole('button', { name: 'Edit tag region', exact: true }).click();
  await expect(tree.getByText('holds only the tags below it')).toBeVisible();
  await tree.getByRole('textbox', { name: 'Tag name' }).fill('area');
  await tree.getByRole('button', { name: 'Rename' }).click();
  await expect(tree.locator('[data-tag="area/asia"]')).toContainText('1');
  await expect(tree.locator('[data-tag="region/asia"]')).toHaveCount(0);
});

test('the Markdown export gives each highlight its source, date and colour, apart from a quote in its note', async ({ page, folio }) => {
  await openApp(page, folio);
  await openArticle(page, 'Minsk says it supplied diesel to Moscow');
  await selectText(page, 'sixty thousand tonnes');
  await page.getByTestId('highlight-toolbar').getByRole('button', { name: 'Highlight green' }).click();
  const panel = page.getByTestId('annotation-panel');
  await panel.getByRole('button', { name: 'Add note' }).click();
  await panel.getByRole('textbox', { name: 'Note' }).fill('> a quote of my own');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.locator('.note blockquote')).toBeVisible();
  const id = Number(await articleRows(page).filter({ hasText: 'Minsk says' }).getAttribute('data-id'));
  const md = await folio.call<string>('ExportAnnotations', { format: 'md', articleIds: [id] });
  expect(md).toMatch(/> sixty thousand tonnes\n>\n> — Reuters, 2023-09-15 · green highlight, \d{4}-\d\d-\d\d\n\n\*\*Note:\*\*\n\n> a quote of my own\n/);
});

test('undated articles have a place on the timeline', async ({ page, folio }) => {
  await openApp(page, folio);
  const place = page.getByTestId('timeline').getByTestId('undated');
  await expect(place).toContainText('Undated');
  await expect(place).toContainText('2'); // this one and the undated text fixture
  await place.click();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('date:none');
  const results = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(results).toHaveCount(2);
  await expect(results.filter({ hasText: 'Harbour works begin' })).toHaveCount(1);
  await expect(results.filter({ hasText: 'Mobile phone sales' })).toHaveCount(1);
});
