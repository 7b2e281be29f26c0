// Imports started from the window: the progress of the one running and the
// report of the last one. The list reloads on Go's "library:changed" event.
import * as api from '../api';
import type { ImportProgress, ImportReport } from '../api';

class Imports {
  running = $state(false);
  progress = $state.raw<ImportProgress | null>(null);
  report = $state.raw<ImportReport | null>(null);
  error = $state('');
  /** Tag the articles of a dropped folder with the folder's name. */
  folderTags = $state(true);

  constructor() {
    if (typeof window !== 'undefined') {
      queueMicrotask(() => {
        api.onEvent<ImportProgress>('import:progress', (p) => (this.progress = p));
        // Files opened with Folio from outside (the launcher, a second launch).
        api.onEvent<string[]>('import:external', () => {
          this.running = true;
          this.report = null;
        });
        api.onEvent<{ report?: ImportReport; error?: string }>('import:external:done', (done) => {
          this.running = false;
          this.progress = null;
          if (done.report) this.report = done.report;
          if (done.error) this.error = done.error;
        });
      });
    }
  }

  /** Reads the remembered choice of folder tags. */
  load(settings: Record<string, string>): void {
    if (settings.importFolderTags) this.folderTags = settings.importFolderTags === 'on';
  }

  setFolderTags(on: boolean): void {
    this.folderTags = on;
    api.setSetting('importFolderTags', on ? 'on' : 'off').catch(() => {});
  }

  private get options(): api.ImportOptions {
    return { folderTags: this.folderTags, tags: [] } as api.ImportOptions;
  }

  /** Files dropped on the window (paths) or picked in the browser (contents). */
  fromPaths(paths: string[]) {
    return this.run(() => api.importPaths(paths, this.options));
  }

  fromFiles(files: File[]) {
    return this.run(() => api.importFiles(files, this.options));
  }

  chooseFiles() {
    return this.run(() => api.chooseFilesToImport(this.options));
  }

  chooseFolder() {
    return this.run(() => api.chooseFolderToImport(this.options));
  }

  cancel(): void {
    api.cancelImport();
  }

  dismiss(): void {
    this.report = null;
    this.error = '';
  }

  private async run(start: () => Promise<ImportReport>): Promise<void> {
    this.running = true;
    this.progress = null;
    this.error = '';
    try {
      const report = await start();
      // An empty report is a picker the person closed.
      if (report.results.length > 0 || report.cancelled) this.report = report;
    } catch (err) {
      this.error = api.errorMessage(err);
    } finally {
      this.running = false;
      this.progress = null;
    }
  }
}

export const imports = new Imports();
