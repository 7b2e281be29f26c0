// Smoke test of the real desktop window under Xvfb: start the desktop
// binary on a temp library holding one article, wait for the window, read
// the page through the WebKit inspector, open the article, import a second
// one through File ▸ Import Files… (Ctrl+I and the GTK file chooser, driven
// with xdotool), shrink the window to 800×600 with the notes panel open, and
// keep screenshots under build/test-output/.
//
// Usage: node tests/desktop/smoke.mjs BINARY
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Inspector, findPage } from './inspector.mjs';
import { freeDisplay, freePort, sleep, start, stopAll } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const binary = path.resolve(process.argv[2] ?? path.join(repo, 'build/bin/folio-devtools'));
const outDir = path.join(repo, 'build/test-output');
const fixture = path.join(repo, 'frontend/tests/fixtures/seed-format.txt');
const second = path.join(repo, 'frontend/tests/fixtures/articles/mobile-sales.txt');

async function waitForWindow(display, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const ids = execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Folio$'], {
        env: { ...process.env, DISPLAY: `:${display}` },
      }).toString().trim();
      if (ids) return ids.split('\n')[0];
    } catch {
      // no window yet
    }
    await sleep(250);
  }
  throw new Error('the Folio window did not appear');
}

function screenshot(display, file, window = 'root') {
  execFileSync('import', ['-window', window, file], { env: { ...process.env, DISPLAY: `:${display}` } });
}

function xdotool(display, ...args) {
  return execFileSync('xdotool', args, { env: { ...process.env, DISPLAY: `:${display}` } }).toString().trim();
}

async function waitForWindowNamed(display, name, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      return xdotool(display, 'search', '--onlyvisible', '--name', name).split('\n')[0];
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`no window named ${name} appeared`);
}

// Ctrl+I is File ▸ Import Files…'s accelerator; the GTK file chooser that
// opens takes a typed path after Ctrl+L.
async function importThroughTheMenu(display, page) {
  xdotool(display, 'windowfocus', '--sync', await waitForWindow(display));
  xdotool(display, 'key', 'ctrl+i');
  const dialog = await waitForWindowNamed(display, '^Import articles$');
  xdotool(display, 'windowfocus', '--sync', dialog);
  xdotool(display, 'key', 'ctrl+l');
  await sleep(300);
  xdotool(display, 'type', '--delay', '15', second);
  await sleep(200);
  xdotool(display, 'key', 'Return');
  const titles = await page.waitFor(
    `(() => { const t = [...document.querySelectorAll('[role=listbox] [role=option] .title')].map((e) => e.textContent); return t.length === 2 && t.join('|'); })()`,
    'the imported article in the list', 30_000);
  if (!titles.includes('Mobile phone sales rise again')) throw new Error(`after File ▸ Import… the list shows ${titles}`);
  await page.waitFor(`document.querySelector('[data-testid=import-summary]')?.textContent.includes('1 imported')`, 'the import summary');
}

// At 800×600 with the notes panel open, the article keeps a readable
// measure beside the panel (the sidebar and the list make way).
async function smallWindow(display, page) {
  const win = await waitForWindow(display);
  xdotool(display, 'windowsize', '--sync', win, '800', '600');
  await page.waitFor(`window.innerWidth <= 800 && window.innerHeight <= 600`, 'the window at 800×600');
  await page.evaluate(`window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))`); // the notes panel
  const width = await page.waitFor(
    `(() => {
      const panel = document.querySelector('[data-testid=annotation-panel]')?.getBoundingClientRect();
      const text = document.querySelector('[data-testid=article-text]')?.getBoundingClientRect();
      return panel && text && text.left >= 0 && text.right <= panel.left && Math.round(text.width);
    })()`,
    'the article text beside the notes panel');
  if (width < 420) throw new Error(`at 800×600 the article text is ${width} px wide`);
  await sleep(300);
  screenshot(display, path.join(outDir, 'desktop-800x600.png'), win);
  return width;
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-desktop-'));
  const db = path.join(dir, 'library.db');
  execFileSync(binary, ['import', '--db', db, fixture]);

  const display = freeDisplay();
  start('Xvfb', [`:${display}`, '-screen', '0', '1280x900x24', '-nolisten', 'tcp']);
  const port = await freePort();
  const env = { DISPLAY: `:${display}`, WEBKIT_INSPECTOR_HTTP_SERVER: `127.0.0.1:${port}`, HOME: dir, XDG_CONFIG_HOME: dir };
  await sleep(500);
  const app = start(binary, ['--db', db], { env });
  try {
    await waitForWindow(display);
    const page = await Inspector.connect(await findPage(`127.0.0.1:${port}`));
    const title = await page.waitFor(`document.querySelector('[role=listbox] [role=option] .title')?.textContent`, 'the article in the list', 60_000);
    if (!title.startsWith('Harbour authorities in Valletta')) throw new Error(`the list shows ${JSON.stringify(title)}`);
    await page.evaluate(`document.querySelector('[role=listbox] [role=option]').click()`);
    const date = await page.waitFor(`document.querySelector('[data-testid=reader-date]')?.textContent`, 'the open article');
    if (date !== '15 Sep 2023') throw new Error(`the reader shows the date ${JSON.stringify(date)}`);
    await sleep(500); // let the reader's fonts settle for the screenshot
    const shot = path.join(outDir, 'desktop-window.png');
    screenshot(display, shot);
    await importThroughTheMenu(display, page);
    screenshot(display, path.join(outDir, 'desktop-import.png'));
    const width = await smallWindow(display, page);
    console.log(`desktop smoke test passed: the window lists and opens the article, File ▸ Import… adds another, ` +
      `at 800×600 the article text is ${width} px beside the notes panel; screenshots in ${path.relative(repo, outDir)}`);
    page.close();
  } catch (err) {
    console.error('desktop smoke test FAILED:', err.message);
    console.error('--- folio output ---\n' + app.log());
    process.exitCode = 1;
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
