// Test of how the real window lives on the desktop, under Xvfb: the native
// menu reaches the page, Edit ▸ Copy and Paste go through the clipboard,
// the window reopens where it was closed, "folio FILE" imports the file, a
// second launch on the same library hands its files to the open window and
// exits, files dragged onto the window from another application are
// imported (and a broken one is named), "folio restore" refuses to replace
// the library under the open window, and Ctrl+Q saves the window's place.
//
// Usage: node tests/desktop/window.mjs BINARY   (a desktop build with the devtools tag)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Inspector, findPage } from './inspector.mjs';
import { dragFiles, freeDisplay, freePort, sleep, start, stopAll, until } from './harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const binary = path.resolve(process.argv[2] ?? path.join(repo, 'build/bin/folio-devtools'));
const outDir = path.join(repo, 'build/test-output');
const fixture = path.join(repo, 'frontend/tests/fixtures/seed-format.txt');

function check(ok, message) {
  if (!ok) throw new Error(message);
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-window-'));
  const db = path.join(dir, 'library.db');
  const config = path.join(dir, 'config');
  const stateFile = path.join(config, 'folio', 'window.json');
  mkdirSync(path.dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, JSON.stringify({ width: 1000, height: 700, x: 120, y: 90 }));
  const incoming = path.join(dir, 'incoming');
  mkdirSync(incoming);
  writeFileSync(path.join(incoming, 'first.txt'), 'Opened from the command line\n\nA file given as folio FILE.\n');
  writeFileSync(path.join(incoming, 'second.txt'), 'Handed to the open window\n\nA file given to a second launch.\n');
  writeFileSync(path.join(incoming, 'dropped.txt'), 'Dropped from a file manager\n\nThis article arrived by drag and drop.\n');
  writeFileSync(path.join(incoming, 'broken.json'), '{ "title": "A file cut short", "body": "never');
  execFileSync(binary, ['import', '--db', db, fixture]);

  const display = freeDisplay(91);
  start('Xvfb', [`:${display}`, '-screen', '0', '1280x900x24', '-nolisten', 'tcp']);
  // A session bus of our own: the single-instance lock lives on it.
  const bus = start('dbus-daemon', ['--session', '--nofork', '--print-address=1']);
  const busAddress = (await until('the session bus', async () => bus.log().split('\n')[0].trim())).trim();
  const port = await freePort();
  const env = {
    DISPLAY: `:${display}`, HOME: dir, XDG_CONFIG_HOME: config, DBUS_SESSION_BUS_ADDRESS: busAddress,
    WEBKIT_INSPECTOR_HTTP_SERVER: `127.0.0.1:${port}`,
  };
  const x = (...args) => execFileSync('xdotool', args, { env: { ...process.env, ...env } }).toString().trim();
  const listed = () => JSON.parse(execFileSync(binary, ['list', '--db', db, '--json']).toString()).map((a) => a.title);
  await sleep(500);
  const app = start(binary, ['--db', db, path.join(incoming, 'first.txt')], { env });
  try {
    const win = await until('the Folio window', async () => x('search', '--onlyvisible', '--name', '^Folio$').split('\n')[0]);
    const page = await Inspector.connect(await findPage(`127.0.0.1:${port}`));
    await page.waitFor(`document.readyState === 'complete' && !!window.runtime`, 'the Wails runtime');

    // folio FILE imported the file once the window was up.
    await until('the file given on the command line to be imported', async () => listed().includes('Opened from the command line'));

    // The window opened where window.json said.
    const where = await until('the saved position', async () => {
      const g = x('getwindowgeometry', win);
      return g.includes('Position: 120,90') && g.includes('Geometry: 1000x700') ? g : '';
    }, 10_000).catch(() => { throw new Error(`the window did not reopen at 120,90 1000x700:\n${x('getwindowgeometry', win)}`); });
    void where;

    await page.evaluate(`(() => {
      window.__seen = [];
      for (const name of ['menu', 'import:external', 'import:external:done'])
        window.runtime.EventsOn(name, (data) => window.__seen.push({ name, data }));
      return true;
    })()`);
    const seen = async (name, data) => page.evaluate(
      `window.__seen.some((e) => e.name === ${JSON.stringify(name)} && ${data === undefined ? 'true' : `JSON.stringify(e.data) === ${JSON.stringify(JSON.stringify(data))}`})`);
    const expectMenu = async (action, how) => {
      await until(`"${action}" from ${how}`, () => seen('menu', action), 10_000);
    };

    // Keys go to the window under the pointer (there is no window manager).
    x('mousemove', '700', '500');
    x('key', 'ctrl+equal');
    await expectMenu('font:larger', 'Ctrl+=');
    x('key', 'ctrl+minus');
    await expectMenu('font:smaller', 'Ctrl+-');
    // F10 opens the menu bar at File; walk to View ▸ Theme ▸ Dark.
    x('key', 'F10', 'Right', 'Right', 'Down', 'Right', 'Down', 'Down', 'Return');
    await expectMenu('theme:dark', 'View ▸ Theme ▸ Dark');
    // Help ▸ About Folio is the last item of the last menu.
    x('key', 'Escape', 'F10', 'Left', 'Up', 'Return');
    await expectMenu('about', 'Help ▸ About Folio');
    const shot = path.join(outDir, 'desktop-menu.png');
    await sleep(300);
    x('key', 'F10', 'Right', 'Right', 'Down', 'Right'); // View ▸ Theme, open
    await sleep(800);
    execFileSync('import', ['-window', 'root', shot], { env: { ...process.env, ...env } });
    x('key', 'Escape', 'Escape');

    // Edit ▸ Copy and Edit ▸ Paste go through the real clipboard.
    await page.evaluate(`(() => {
      const i = document.createElement('input');
      i.id = '__clip'; i.value = 'copied through the menu';
      i.style = 'position:fixed;top:0;left:0;z-index:99999';
      document.body.append(i); i.focus(); i.select();
      return true;
    })()`);
    // The Edit menu: Undo, Redo, Cut, Copy, Paste, Select All.
    x('key', 'F10', 'Right', 'Down', 'Down', 'Down', 'Down', 'Return'); // Copy
    await sleep(300);
    await page.evaluate(`(() => { const i = document.getElementById('__clip'); i.value = ''; i.focus(); return true; })()`);
    x('key', 'F10', 'Right', 'Down', 'Down', 'Down', 'Down', 'Down', 'Return'); // Paste
    await page.waitFor(`document.getElementById('__clip').value === 'copied through the menu'`, 'Edit ▸ Paste to paste what Edit ▸ Copy copied', 10_000);
    await page.evaluate(`document.getElementById('__clip').remove(), true`);

    // A second launch on the same library hands its file to this window and
    // exits at once; the path is relative to where it was started.
    const second = start(binary, ['--db', db, 'second.txt'], { env, cwd: incoming });
    const code = await Promise.race([second.exited, sleep(10_000).then(() => 'still running')]);
    check(code === 0, `the second launch exited with ${code}:\n${second.log()}`);
    check(/already open/.test(second.log()), `the second launch said: ${second.log()}`);
    const secondPath = path.join(incoming, 'second.txt');
    await until('import:external from the second launch', () => seen('import:external', [secondPath]), 10_000);
    await until('import:external:done', () => page.evaluate(
      `window.__seen.find((e) => e.name === 'import:external:done')?.data.report.results[0].status === 'imported'`), 30_000);
    check(listed().includes('Handed to the open window'), 'the handed-over file is not in the library');
    check(x('search', '--onlyvisible', '--name', '^Folio$').split('\n').length === 1, 'a second window opened');

    // Files dragged from another application onto the window (X drag and
    // drop into the web view) are imported; a broken one is named.
    await dragFiles(x, env, [path.join(incoming, 'dropped.txt'), path.join(incoming, 'broken.json')], [600, 400]);
    const summary = `document.querySelector('[data-testid=import-summary]')`;
    await page.waitFor(`${summary}?.querySelector('[data-testid=count-failed]')?.textContent === '1 failed'`,
      'the summary of the dropped files', 30_000);
    const said = await page.evaluate(`${summary}.textContent`);
    check(/1 imported/.test(said) && said.includes('broken.json'), `the summary of the drop says: ${said}`);
    check(listed().includes('Dropped from a file manager'), 'the dropped file is not in the library');
    execFileSync('import', ['-window', 'root', path.join(outDir, 'desktop-drop.png')], { env: { ...process.env, ...env } });

    // folio restore will not replace the library under the open window.
    const backup = path.join(dir, 'backup.db');
    execFileSync(binary, ['backup', '--db', db, backup], { env: { ...process.env, ...env } });
    const restore = spawnSync(binary, ['restore', '--db', db, backup], { env: { ...process.env, ...env } });
    check(restore.status === 1 && /window has .* open; close it/.test(restore.stderr.toString()),
      `folio restore with the window open: exit ${restore.status}, ${restore.stderr}`);
    check(listed().includes('Dropped from a file manager'), 'the refused restore changed the library');

    // Move the window, quit with Ctrl+Q: the place is saved.
    x('windowmove', win, '60', '30');
    x('windowsize', win, '1100', '760');
    await sleep(300);
    x('mousemove', '400', '400');
    x('key', 'ctrl+q');
    const quit = await Promise.race([app.exited, sleep(10_000).then(() => 'still running')]);
    check(quit === 0, `Ctrl+Q: folio exited with ${quit}`);
    // With the window closed, the same restore goes through.
    const restored = spawnSync(binary, ['restore', '--db', db, backup], { env: { ...process.env, ...env } });
    check(restored.status === 0, `folio restore after the window closed: exit ${restored.status}, ${restored.stderr}`);
    const saved = JSON.parse(readFileSync(stateFile, 'utf8'));
    check(saved.x === 60 && saved.y === 30 && saved.width === 1100 && saved.height === 760,
      `window.json after Ctrl+Q: ${JSON.stringify(saved)}`);
    page.close();
    console.log(`window test passed: menu, clipboard, window place, folio FILE, second launch, drag and drop, restore refused, Ctrl+Q; screenshots in ${path.relative(repo, outDir)}`);
  } catch (err) {
    console.error('window test FAILED:', err.message);
    console.error('--- folio output ---\n' + app.log());
    process.exitCode = 1;
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
