// axe-core finds no critical or serious violation in the library, search,
// reader and All highlights views, in the light theme and the dark one.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, importFiles, articleFixtures, openApp } from './folio';
import { openArticle, selectText } from './reading';

test.describe.configure({ timeout: 120_000 }); // each axe pass takes seconds on a shared machine

test.beforeEach(async ({ folio }) => {
  await importFiles(folio, articleFixtures);
});

/** The critical and serious violations on the page, one line each. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`));
}

/** WCAG contrast of two colours given as CSS rgb()/rgba() strings (alpha over the second). */
function contrast(fg: string, bg: string): number {
  const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const [br, bgG, bb] = parse(bg);
  const [r, g, b, a = 1] = parse(fg);
  const mix = [r * a + br * (1 - a), g * a + bgG * (1 - a), b * a + bb * (1 - a)];
  const lum = (rgb: number[]) => {
    const [R, G, B] = rgb.map((v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [hi, lo] = [lum(mix), lum([br, bgG, bb])].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The focus ring of the element the keyboard focused, against the page behind it. */
async function focusRingContrast(page: Page): Promise<number> {
  const { style, outline, background } = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const css = getComputedStyle(el);
    return { style: css.outlineStyle, outline: css.outlineColor, background: getComputedStyle(document.body).backgroundColor };
  });
  expect(style).not.toBe('none');
  return contrast(outline, background);
}

for (const theme of ['light', 'dark'] as const) {
  test(`no critical or serious axe violation in any view, ${theme} theme`, async ({ page, folio }) => {
    await folio.call('SetSetting', 'theme', theme);
    await openApp(page, folio);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const found: Record<string, string[]> = {};

    found.library = await violations(page);
    await page.getByRole('button', { name: 'Sidebar' }).focus();
    await page.keyboard.press('Tab'); // the keyboard brings the focus ring
    expect(await focusRingContrast(page)).toBeGreaterThanOrEqual(3);

    await page.getByRole('searchbox', { name: 'Search' }).fill('diesel');
    const results = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await expect(results.first()).toBeVisible();
    await expect(page.getByTestId('facets')).toBeVisible();
    await results.first().click();
    await expect(page.getByTestId('match-nav')).toBeVisible();
    found.search = await violations(page);

    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await openArticle(page, 'Minsk says it supplied diesel to Moscow');
    await selectText(page, 'sixty thousand tonnes');
    await page.keyboard.press('h');
    const panel = page.getByTestId('annotation-panel');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await panel.getByRole('textbox', { name: 'Note' }).fill('Check the [figure](https://example.org) again'); // a link in a note must not nest in a button
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(panel.locator('.note')).toContainText('Check the figure');
    found.reader = await violations(page);

    await page.getByRole('button', { name: 'All highlights' }).click();
    await expect(page.getByTestId('annotations-view')).toContainText('sixty thousand tonnes');
    found.highlights = await violations(page);

    expect(found).toEqual({ library: [], search: [], reader: [], highlights: [] });
  });
}
