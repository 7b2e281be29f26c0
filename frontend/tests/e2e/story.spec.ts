// Related articles, versions of a story and its timeline, in the reader.
import type { Page } from '@playwright/test';
import { test, expect, openApp, articleRows, type Folio } from './folio';

/** A Markdown article with front matter, as a file the person drops. */
function markdown(title: string, date: string, source: string, body: string) {
  return `---\ntitle: ${title}\ndate: ${date}\nsource: ${source}\n---\n\n${body}\n`;
}

// What the first report and its update both say, after their first paragraph.
const strikeDetails =
  'The union said the new rosters would keep crews at sea for fourteen hours a day, and that talks ' +
  'with the operator had broken down twice this winter. Island shops fear empty shelves if the ' +
  'strike lasts beyond the weekend, and the council has asked both sides to meet again.';

const ferry = [
  markdown('Ferry crews vote to strike', '2024-03-01', 'Harbour Herald',
    'Ferry crews on the island routes voted to strike over rosters. The ferry operator said timetables ' +
      'would be cut and harbour queues were expected at the terminal.'),
  markdown('Ferry strike halts island crossings', '2024-03-08', 'Coast Daily',
    'The ferry strike halted crossings to the island. Crews picketed the harbour terminal while the operator ' +
      'cancelled every sailing and rosters stayed in dispute.'),
  markdown('Ferry operator and crews agree rosters', '2024-03-20', 'Harbour Herald',
    'Crews and the ferry operator agreed new rosters, ending the strike. Sailings from the harbour terminal ' +
      'resume on Monday with the usual island timetables.'),
];

// Articles on other subjects: a library is more than one story.
const others = {
  'derby.md': markdown('Rovers win the derby', '2024-03-05', 'Sports Desk',
    'Rovers beat United three goals to nil in the derby. The striker scored twice and the goalkeeper saved a penalty.'),
  'budget.md': markdown('Council sets its budget', '2024-02-12', 'Town Gazette',
    'The council approved a budget that raises parking charges and funds two new libraries.'),
  'concert.md': markdown('Choir fills the cathedral', '2024-01-20', 'Arts Weekly',
    'The youth choir sang to a full cathedral; the conductor thanked volunteers and parents.'),
  'weather.md': markdown('Frost warning for the weekend', '2024-02-02', 'Met Notes',
    'Forecasters warned of frost and icy roads, with temperatures falling below zero overnight.'),
};

export async function importTexts(folio: Folio, files: Record<string, string>) {
  const uploads = Object.entries(files).map(([name, text]) => ({ name, base64: Buffer.from(text).toString('base64') }));
  return folio.call<{ imported: number }>('ImportUploads', uploads, { folderTags: false, tags: [] });
}

async function open(page: Page, title: string) {
  await articleRows(page).filter({ hasText: title }).click();
  await expect(page.getByTestId('reader-title')).toHaveText(title);
}

test('the reader lists related articles with the words they share, and opens one', async ({ page, folio }) => {
  await importTexts(folio, {
    'ferry-1.md': ferry[0], 'ferry-2.md': ferry[1], 'ferry-3.md': ferry[2], ...others,
  });
  await openApp(page, folio);
  await open(page, 'Ferry crews vote to strike');
  const related = page.getByTestId('related');
  const items = related.getByTestId('related-item');
  await expect(items).toHaveCount(2);
  await expect(related).not.toContainText('Rovers win the derby');
  const second = items.filter({ hasText: 'Ferry strike halts island crossings' });
  await expect(second).toContainText('8 Mar 2024');
  await expect(second).toContainText('Coast Daily');
  await expect(second).toContainText(/Shares: .*(ferry|strike|rosters|crews)/);
  await second.click();
  await expect(page.getByTestId('reader-title')).toHaveText('Ferry strike halts island crossings');
  await expect(related).toContainText('Ferry crews vote to strike');
});

/** A first report and its update: two versions of one story. */
const report = markdown('Ferry crews vote to strike', '2024-03-01', 'Harbour Herald',
  'Ferry crews on the island routes voted to strike over rosters. The ferry operator said timetables ' +
    'would be cut and harbour queues were expected at the terminal.\n\n' + strikeDetails);
const update = markdown('Ferry crews vote to strike', '2024-03-02', 'Coast Daily',
  'Home | News | Sport | Sign in\n\n' +
    'Ferry crews on the island routes voted overwhelmingly to strike over rosters. The ferry operator said timetables ' +
    'would be cut and harbour queues were expected at the terminal.\n\n' + strikeDetails +
    '\n\nUnions said talks would resume on Friday.');

test('versions of a story: one badge per row, switching version, the word-level diff', async ({ page, folio }) => {
  await importTexts(folio, { 'ferry-1.md': report, 'ferry-1-update.md': update, ...others });
  await openApp(page, folio);
  const rows = articleRows(page).filter({ hasText: 'Ferry crews vote to strike' });
  await expect(rows).toHaveCount(1); // the story once, as its first version
  await expect(rows.getByTestId('versions-badge')).toHaveText('· 2 versions');
  await rows.click();
  const versions = page.getByRole('navigation', { name: 'Versions' });
  const first = versions.getByRole('button', { name: /^1 · 1 Mar 2024 · Harbour Herald/ });
  const second = versions.getByRole('button', { name: /^2 · 2 Mar 2024 · Coast Daily/ });
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(versions.getByRole('button', { name: 'Show changes' })).toHaveCount(0); // nothing before the first
  await second.click();
  await expect(page.getByTestId('reader-date')).toHaveText('2 Mar 2024');
  await expect(second).toHaveAttribute('aria-current', 'true');
  await versions.getByRole('button', { name: 'Show changes' }).click();
  const diff = page.getByTestId('diff');
  await expect(diff.locator('ins')).toContainText(['overwhelmingly']);
  await expect(diff.locator('ins').filter({ hasText: 'Unions said talks would resume' })).toHaveCount(1);
  await expect(diff.locator('del')).toHaveCount(0);
  await versions.getByRole('button', { name: 'Hide changes' }).click();
  await expect(diff).toHaveCount(0);
  await first.click();
  await expect(page.getByTestId('reader-date')).toHaveText('1 Mar 2024');
  // The other version is not listed as a related article.
  // The panel opens by itself once related articles arrive; open it if it did not.
  const related = page.getByTestId('related');
  await expect(async () => {
    if (!(await related.isVisible())) await page.getByRole('button', { name: /^Notes/ }).click();
    await expect(related).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(related).not.toContainText('Looking for related articles');
  await expect(related.getByTestId('related-item').filter({ hasText: 'Ferry crews vote to strike' })).toHaveCount(0);
});

test('a search shows a story once, with its versions, as the list does', async ({ page, folio }) => {
  await importTexts(folio, { 'ferry-1.md': report, 'ferry-1-update.md': update, ...others });
  await openApp(page, folio);
  await page.getByRole('searchbox', { name: 'Search' }).fill('ferry rosters');
  const results = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('Ferry crews vote to strike');
  await expect(results.first().getByTestId('versions-badge')).toHaveText('· 2 versions');
  await expect(page.getByTestId('search-status')).toContainText('1 result');
});

test('with its first version in the Trash, a story is listed and found as its next', async ({ page, folio }) => {
  await importTexts(folio, { 'ferry-1.md': report, 'ferry-1-update.md': update, ...others });
  const listed = JSON.parse(await folio.cli('list', '--json')) as { id: number; path: string }[];
  const first = listed.find((a) => a.path.endsWith('ferry-1.md'));
  expect(first).toBeTruthy();
  await folio.call('TrashArticles', [first!.id]);
  await openApp(page, folio);
  const rows = articleRows(page).filter({ hasText: 'Ferry crews vote to strike' });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Coast Daily'); // the update stands for the story
  await expect(rows.getByTestId('versions-badge')).toHaveCount(0); // one version outside the Trash
  await page.getByRole('searchbox', { name: 'Search' }).fill('ferry rosters');
  const results = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('Coast Daily');
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Trash/ }).click();
  const trashed = articleRows(page);
  await expect(trashed).toHaveCount(1);
  await expect(trashed.first()).toContainText('Harbour Herald');
});

test('the story timeline: an article with its related articles oldest first, and a search by week', async ({ page, folio }) => {
  await importTexts(folio, { 'ferry-1.md': ferry[0], 'ferry-2.md': ferry[1], 'ferry-3.md': ferry[2], ...others });
  await openApp(page, folio);
  await open(page, 'Ferry strike halts island crossings');
  await page.getByRole('button', { name: '· Story timeline' }).click();
  const dialog = page.getByTestId('story-timeline');
  const points = dialog.getByRole('list', { name: 'The story, oldest first' }).getByRole('listitem');
  await expect(points).toHaveCount(3); // the article and the two others about the strike
  await expect(points.nth(0)).toContainText('1 Mar 2024');
  await expect(points.nth(0)).toContainText('Ferry crews vote to strike');
  await expect(points.nth(1)).toContainText('this article');
  await expect(points.nth(2)).toContainText('Ferry operator and crews agree rosters');
  await points.nth(2).getByRole('button').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('reader-title')).toHaveText('Ferry operator and crews agree rosters');

  await page.getByRole('searchbox', { name: 'Search' }).fill('ferry');
  await page.getByTestId('search-status').getByRole('button', { name: 'Timeline' }).click();
  const weeks = page.getByTestId('timeline-week');
  await expect(weeks).toHaveCount(3);
  await expect(weeks.nth(0)).toContainText('26 Feb 2024'); // the Monday of 1 March
  await expect(weeks.nth(1)).toContainText('4 Mar 2024');
  await expect(weeks.nth(2)).toContainText('18 Mar 2024');
  await weeks.nth(0).getByRole('button', { name: 'Ferry crews vote to strike' }).click();
  await expect(page.getByTestId('reader-title')).toHaveText('Ferry crews vote to strike');
});
