// What the window tests share: a free X display and port, child processes
// that are stopped at the end, and polling until something holds.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

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
