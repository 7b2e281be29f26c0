// Smoke test of the real desktop window under Xvfb: start the desktop
// binary on a temp library holding one article, wait for the window, read
// the page through the WebKit inspector, open the article, and keep a
// screenshot under build/test-output/.
//
// Usage: node tests/desktop/smoke.mjs BINARY
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Inspector, findPage, sleep } from './inspector.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const binary = path.resolve(process.argv[2] ?? path.join(repo, 'build/bin/folio-devtools'));
const outDir = path.join(repo, 'build/test-output');
const fixture = path.join(repo, 'frontend/tests/fixtures/seed-format.txt');
const children = [];

function freeDisplay() {
  for (let n = 90; n < 200; n++) {
    if (!existsSync(`/tmp/.X11-unix/X${n}`) && !existsSync(`/tmp/.X${n}-lock`)) return n;
  }
  throw new Error('no free X display number');
}

function freePort() {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function start(cmd, args, env) {
  const proc = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => (log += d));
  proc.stderr.on('data', (d) => (log += d));
  proc.log = () => log;
  children.push(proc);
  return proc;
}

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
  const app = start(binary, ['--db', db], env);
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
    execFileSync('import', ['-window', 'root', shot], { env: { ...process.env, DISPLAY: `:${display}` } });
    console.log(`desktop smoke test passed: the window lists and opens the article; screenshot ${path.relative(repo, shot)}`);
    page.close();
  } catch (err) {
    console.error('desktop smoke test FAILED:', err.message);
    console.error('--- folio output ---\n' + app.log());
    process.exitCode = 1;
  } finally {
    for (const c of children.reverse()) c.kill('SIGTERM');
    await sleep(300);
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
