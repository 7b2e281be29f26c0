// What the window tests share: a free X display and port, child processes
// that are stopped at the end, and polling until something holds.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** An X display number nobody uses. */
export function freeDisplay(from = 90) {
  for (let n = from; n < 200; n++) {
    if (!existsSync(`/tmp/.X11-unix/X${n}`) && !existsSync(`/tmp/.X${n}-lock`)) return n;
  }
  throw new Error('no free X display number');
}

/** A loopback TCP port nobody listens on. */
export function freePort() {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const children = [];

/** Starts a process whose output is kept (proc.log()) and whose exit code is awaited (proc.exited). */
export function start(cmd, args, opts = {}) {
  const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts, env: { ...process.env, ...opts.env } });
  let log = '';
  proc.stdout.on('data', (d) => (log += d));
  proc.stderr.on('data', (d) => (log += d));
  proc.log = () => log;
  proc.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  children.push(proc);
  return proc;
}

/** Stops every process start() started, newest first. */
export async function stopAll() {
  for (const c of children.reverse()) c.kill('SIGTERM');
  children.length = 0;
  await sleep(300);
}

/** Polls fn until it returns something truthy. */
export async function until(what, fn, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      last = err.message;
    }
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/**
 * Drags files from another application's window onto the point `to` of the
 * screen with the pointer, as a person does from a file manager: X drag and
 * drop, from the GTK window of drag-source.py, placed at 20,800. `x` runs
 * xdotool on the display.
 */
export async function dragFiles(x, env, files, to) {
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'; // the one with GTK's bindings
  const source = start(python, [path.join(here, 'drag-source.py'), '20', '800', ...files], { env });
  await until('the window to drag from', async () => source.log().includes('ready'), 15_000);
  x('mousemove', '90', '835', 'mousedown', '1');
  // Small steps first (past GTK's drag threshold), then across to the target.
  for (const [px, py] of [[100, 830], [120, 810], [200, 700], [400, 550], [to[0] - 10, to[1] - 10], to]) {
    x('mousemove', String(px), String(py));
    await sleep(200);
  }
  await sleep(300);
  x('mouseup', '1');
  await until('the drag to end', async () => source.log().includes('drag ended'), 10_000);
  source.kill('SIGTERM');
}
