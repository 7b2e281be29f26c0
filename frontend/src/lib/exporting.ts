// Exporting highlights and notes: the window saves through the system's
// save dialog; a browser downloads the file.
import * as api from './api';
import { toasts } from './stores/toasts.svelte';

export async function exportHighlights(articleIds: number[], format: 'md' | 'json' = 'md'): Promise<void> {
  try {
    if (api.browserMode()) {
      const text = await api.exportAnnotations({ format, articleIds });
      download(format === 'md' ? 'folio-highlights.md' : 'folio-highlights.json', text,
        format === 'md' ? 'text/markdown' : 'application/json');
    } else {
      const path = await api.saveAnnotationsExport({ format, articleIds });
      if (path) toasts.show(`Exported to ${path}.`);
    }
  } catch (err) {
    toasts.error(api.errorMessage(err));
  }
}

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
