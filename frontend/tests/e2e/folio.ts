// The fixture every end-to-end test uses: a fresh library in a temp folder,
// served by the real folio binary in browser mode, and a page open on it.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const fixtures = path.resolve(here, '../fixtures');
const binary = process.env.FOLIO_BIN ?? path.join(repoRoot, 'build/bin/folio');

export interface Folio {
  /** The server's address, without the run's token. */
  url: string;
  /** The address folio serve printed: with the run's token, which the first visit trades for a cookie. */
  start: string;
  dbPath: string;
  /** A folder of this test's that the page may import files from by path (folio serve --import-from). */
  files: string;
  /** Runs a folio subcommand against this library and returns its stdout. */
  cli(...args: string[]): Promise<string>;
  /** Calls a bound Go method the way the page does. */
  call<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  /** Requests that left loopback, if any (there must be none). */
  remoteRequests: string[];
}

function startServer(dbPath: string, files: string): Promise<{ proc: ChildProcess; url: string; start: string }> {
  return new Promise((resolve, reject) => {
    const args = ['serve', '--db', dbPath, '--addr', '127.0.0.1:0', '--import-from', files];
    const proc = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /at ((http:\/\/127\.0\.0\.1:\d+\/)\?token=[\w-]+)\n/.exec(out);
      if (m) resolve({ proc, url: m[2], start: m[1] });
    });
    proc.stderr!.on('data', (d) => (err += d));
    proc.on('exit', (code) => reject(new Error(`folio serve exited with ${code}: ${err}`)));
  });
}

export function runCli(dbPath: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(binary, [...args.slice(0, 1), '--db', dbPath, ...args.slice(1)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout!.on('data', (d) => (out += d));
    proc.stderr!.on('data', (d) => (err += d));
    proc.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`folio ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

export const test = base.extend<{ folio: Folio }>({
  folio: async ({ page }, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-e2e-'));
    const dbPath = path.join(dir, 'library.db');
    const files = path.join(dir, 'files');
    mkdirSync(files);
    const { proc, url, start } = await startServer(dbPath, files);
    const remoteRequests: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) {
        remoteRequests.push(r.url());
      }
    });
    const folio: Folio = {
      url,
      start,
      dbPath,
      files,
      cli: (...args) => runCli(dbPath, args),
      call: async <T,>(method: string, ...args: unknown[]) => {
        // The token in the URL, as a program given the printed address calls.
        const res = await page.request.post(`${url}folio/call/${method}${new URL(start).search}`, {
          headers: { 'X-Folio-Call': '1', 'Content-Type': 'application/json' },
          data: JSON.stringify(args),
        });
        const body = await res.json();
        if (!res.ok()) throw new Error(body.error);
        return body as T;
      },
      remoteRequests,
    };
    await use(folio);
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  },
});

/** An upload as the page sends it: the file's name and its bytes in base64. */
export function upload(file: string, name = path.basename(file)) {
  return { name, base64: readFileSync(file).toString('base64') };
}

/** Imports files through the app's API, as the browser mode's drop does. */
export async function importFiles(folio: Folio, files: string[]): Promise<{ imported: number; failed: number }> {
  return folio.call('ImportUploads', files.map((f) => upload(f)), { folderTags: false, tags: [] });
}

/** The fixture articles: dated, sourced and tagged Markdown, text and JSON. */
export const articleFixtures = ['budget.json', 'diesel-supplies.md', 'mobile-sales.txt', 'summit-korea.md'].map((f) =>
  path.join(fixtures, 'articles', f),
);

/** The rows of the library list. */
export function articleRows(page: Page) {
  return page.getByRole('listbox', { name: 'Articles' }).getByRole('option');
}

/** Opens the app and waits until the library list has loaded. */
export async function openApp(page: Page, folio: Folio): Promise<void> {
  await page.goto(folio.start);
  await expect(page.getByRole('navigation', { name: 'Library', includeHidden: true })).toBeAttached(); // hidden in a small window
}

export { expect };
