// One article in the Trash can be restored or deleted for good with the
// mouse, from the reader; in the Trash, Delete deletes (after asking) and
// r restores.
import type { Page } from '@playwright/test';
import { test, expect, importFiles, articleFixtures, openApp, articleRows } from './folio';

test.beforeEach(async ({ folio }) => {
  await importFiles(folio, articleFixtures);
});

const row = (page: Page, title: string) => articleRows(page).filter({ hasText: title });
const trashView = (page: Page) => page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Trash/ });
const allView = (page: Page) => page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^All \d/ });

async function trash(page: Page, title: string) {
  await row(page, title).click();
  await page.keyboard.press('#');
  await expect(row(page, title)).toHaveCount(0);
}

test('one article in the Trash: Restore and Delete forever in the reader, with the mouse', async ({ page, folio }) => {
  await openApp(page, folio);
  await trash(page, 'Mobile phone sales rise again');
  await trash(page, 'Parliament passes the spring budget');
  await trashView(page).click();
  await expect(articleRows(page)).toHaveCount(2);

  await row(page, 'Mobile phone sales rise again').click();
  const banner = page.getByTestId('in-trash');
  await expect(banner).toContainText('in the Trash');
  await banner.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('Restored 1 article from the Trash.')).toBeVisible();
  await expect(articleRows(page)).toHaveCount(1);
  await expect(banner).toHaveCount(0); // the article stays open, out of the Trash

  const id = Number(await row(page, 'Parliament passes the spring budget').getAttribute('data-id'));
  await row(page, 'Parliament passes the spring budget').click();
  let asked = '';
  page.once('dialog', (d) => ((asked = d.message()), d.accept()));
  await banner.getByRole('button', { name: 'Delete forever' }).click();
  await expect(page.getByText('Deleted 1 article for good.')).toBeVisible();
  expect(asked).toContain('cannot be undone');
  await expect(articleRows(page)).toHaveCount(0);
  await expect(folio.call('GetArticle', id)).rejects.toThrow();

  await allView(page).click();
  await expect(row(page, 'Mobile phone sales rise again')).toHaveCount(1);
  await expect(articleRows(page)).toHaveCount(4);
});

test('in the Trash, Delete deletes for good after asking (as the help says) and r restores', async ({ page, folio }) => {
  await openApp(page, folio);
  await trash(page, 'Mobile phone sales rise again');
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toContainText('Move to the Trash (in the Trash: delete for good)');
  await page.keyboard.press('Escape');

  await trashView(page).click();
  await row(page, 'Mobile phone sales rise again').click();
  page.once('dialog', (d) => d.dismiss());
  await page.keyboard.press('Delete');
  await expect(articleRows(page)).toHaveCount(1); // declined: nothing happened, nothing restored
  await expect(page.getByText('Restored 1 article')).toHaveCount(0);

  page.once('dialog', (d) => d.accept());
  await page.keyboard.press('Delete');
  await expect(page.getByText('Deleted 1 article for good.')).toBeVisible();
  await expect(articleRows(page)).toHaveCount(0);

  await allView(page).click();
  await trash(page, 'Parliament passes the spring budget');
  await trashView(page).click();
  await row(page, 'Parliament passes the spring budget').click();
  await page.keyboard.press('r');
  await expect(page.getByText('Restored 1 article from the Trash.')).toBeVisible();
  await expect(articleRows(page)).toHaveCount(0);
});

test('several articles in the Trash: the bar offers Restore and Delete forever', async ({ page, folio }) => {
  await openApp(page, folio);
  await trash(page, 'Mobile phone sales rise again');
  await trash(page, 'Parliament passes the spring budget');
  await trashView(page).click();
  await row(page, 'Mobile phone sales rise again').click();
  await row(page, 'Parliament passes the spring budget').click({ modifiers: ['Shift'] });
  const bar = page.getByTestId('bulk-bar');
  await expect(bar).toContainText('2 articles selected');
  page.once('dialog', (d) => d.accept());
  await bar.getByRole('button', { name: 'Delete forever' }).click();
  await expect(page.getByText('Deleted 2 articles for good.')).toBeVisible();
  await expect(articleRows(page)).toHaveCount(0);
  await expect(bar).toHaveCount(0);
});
