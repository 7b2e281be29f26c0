import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, articleRows, repoRoot } from './folio';

interface DropFile {
  name: string;
  text?: string;
  bytes?: number[];
}

/** Drops files on the window the way a browser does: a drop event carrying File objects. */
async function dropFiles(page: import('@playwright/test').Page, files: DropFile[]) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const content = f.bytes ? new Uint8Array(f.bytes) : f.text ?? '';
      dt.items.add(new File([content], f.name));
    }
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, files);
}

function generated(n: number): DropFile[] {
  const words = ['harbour', 'budget', 'election', 'ferry', 'energy', 'storm', 'market', 'council', 'school', 'bridge'];
  return Array.from({ length: n }, (_, i) => ({
    name: `article-${String(i).padStart(4, '0')}.txt`,
    text: `Report number ${i} on the ${words[i % words.length]}\n\n` +
      `This is article ${i}. The ${words[(i * 3) % words.length]} and the ${words[(i * 7) % words.length]} were discussed at length.\n\n` +
      `A second paragraph, number ${i * 13}, follows the first.`,
  }));
}

test('dropping files shows progress, then a summary naming the broken file, and the list fills', async ({ page, folio }) => {
  await openApp(page, folio);
  // Record every state the progress panel shows while the import runs.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid=import-progress]');
      if (el) seen.push(el.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const files = [
    ...generated(400),
    { name: 'broken.json', text: '{"title": "Half an object", "body": ' },
    { name: 'picture.png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13] },
  ];
  await dropFiles(page, files);

  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary.getByTestId('count-imported')).toHaveText('400 imported');
  await expect(summary.getByTestId('count-failed')).toHaveText('1 failed');
  await expect(summary.getByTestId('count-skipped')).toHaveText('1 skipped');
  await expect(summary).toContainText('broken.json');
  await expect(summary).toContainText(/JSON/);

  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.some((s) => /of 402 files/.test(s))).toBe(true);

  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^All \d/ })).toContainText('400');
  await expect(articleRows(page).first()).toBeVisible();
  await summary.getByRole('button', { name: 'Show the imported articles' }).click();
  await expect(page.getByRole('combobox', { name: 'Sort' })).toHaveValue('imported');
});

test('the window stays searchable while an import runs', async ({ page, folio }) => {
  await openApp(page, folio);
  await dropFiles(page, generated(1500));
  await expect(page.getByTestId('import-progress')).toBeVisible();
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('harbour');
  await expect(page.getByTestId('search-status')).toBeVisible();
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('search-status')).toContainText(/\d+ results/);
});

test('a Hypothesis export dropped with its two saved pages: the highlights land on their passages', async ({ page, folio }) => {
  await openApp(page, folio);
  const dir = path.join(repoRoot, 'app/cli/testdata/hypothesis');
  const files = ['harbour.html', 'budget.html', 'hypothesis-export.json'].map((name) => ({
    name,
    text: readFileSync(path.join(dir, name), 'utf8'),
  }));
  await dropFiles(page, files);

  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary.getByTestId('count-imported')).toHaveText('2 imported');
  await expect(summary.getByTestId('count-annotations')).toHaveText('3 highlights and notes attached');
  await expect(summary.getByTestId('import-warnings')).toContainText('Late goal sends City into the final');
  await expect(summary.getByTestId('import-warnings')).toContainText('kept');

  await articleRows(page).filter({ hasText: 'Harbour plan approved' }).click();
  const marks = page.getByTestId('article-text').locator('mark.hl');
  await expect(marks).toHaveText(['the work would disturb the market for at least two summers', 'no disruption… and now']);
});

test('a drop over the upload limit is refused in words before it is sent', async ({ page, folio }) => {
  await openApp(page, folio);
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/folio/call/ImportUploads')) calls.push(r.url());
  });
  await page.evaluate(() => {
    const dt = new DataTransfer();
    for (const name of ['a.txt', 'b.txt', 'c.txt']) dt.items.add(new File([new Uint8Array(22 * 1024 * 1024)], name));
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  });
  await expect(page.getByText(/over the 64 MB one import can send/)).toBeVisible();
  expect(calls).toEqual([]);
});
