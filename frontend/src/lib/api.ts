// The one module that talks to Go. In the desktop window the generated
// Wails bindings reach Go directly; in the browser mode a bridge script
// gives the page the same objects over HTTP. Stores call this module;
// nothing else imports the bindings.
import * as App from '../../wailsjs/go/app/App';
import { EventsOn, OnFileDrop, OnFileDropOff, BrowserOpenURL } from '../../wailsjs/runtime/runtime';
import type { app, db, importer } from '../../wailsjs/go/models';

export type Article = db.Article;
export type ArticleSummary = db.ArticleSummary;
export type ArticlePage = db.ArticlePage;
export type TagRef = db.TagRef;
export type ImportReport = importer.Report;
export type ImportResult = importer.Result;
export type ImportOptions = app.ImportOptions;
export type AppInfo = app.Info;

/** Sent by Go while an import runs (event "import:progress"). */
export interface ImportProgress {
  imported: number;
  updated: number;
  duplicates: number;
  skipped: number;
  failed: number;
  filesDone: number;
  filesTotal: number;
  perSecond: number;
}

export interface ListParams {
  view: string;
  sort: string;
  offset: number;
  limit: number;
}

/** True when the page runs in a normal browser (folio serve), not the window. */
export const browserMode = (): boolean =>
  (window as unknown as { folioBrowserMode?: boolean }).folioBrowserMode === true;

/** Turns whatever a failed call rejected with into a sentence for a person. */
export function errorMessage(err: unknown): string {
  if (typeof err === 'string') return err;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}

export const info = (): Promise<AppInfo> => App.Info();

export const listArticles = (p: ListParams): Promise<ArticlePage> =>
  App.ListArticles(p as app.ListParams);

export const getArticle = (id: number): Promise<Article> => App.GetArticle(id);

const noOptions = (): ImportOptions => ({ folderTags: false, tags: [] }) as ImportOptions;

export const importPaths = (paths: string[], opts: ImportOptions = noOptions()): Promise<ImportReport> =>
  App.ImportPaths(paths, opts);

export const chooseFilesToImport = (opts: ImportOptions = noOptions()): Promise<ImportReport> =>
  App.ChooseFilesToImport(opts);

export const chooseFolderToImport = (opts: ImportOptions = noOptions()): Promise<ImportReport> =>
  App.ChooseFolderToImport(opts);

export const cancelImport = (): Promise<void> => App.CancelImport();

/** Sends files picked or dropped in a browser; their contents travel, not paths. */
export async function importFiles(files: File[], opts: ImportOptions = noOptions()): Promise<ImportReport> {
  const uploads = await Promise.all(
    files.map(async (f) => ({ name: f.webkitRelativePath || f.name, base64: await toBase64(f) }) as app.Upload),
  );
  return App.ImportUploads(uploads, opts);
}

async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Subscribes to an event from Go; returns the unsubscribe function. */
export function onEvent<T>(name: string, cb: (data: T) => void): () => void {
  return EventsOn(name, (data: T) => cb(data));
}

/** In the window, files dropped anywhere arrive as paths read by Go. */
export function onFileDrop(cb: (paths: string[]) => void): () => void {
  OnFileDrop((_x: number, _y: number, paths: string[]) => cb(paths), false);
  return () => OnFileDropOff();
}

/** Opens a link in the system browser, never inside the app. */
export const openExternal = (url: string): void => BrowserOpenURL(url);
