// Notes are Markdown, shown rendered. Rendering never lets markup through:
// the result is sanitized like article HTML.
import { marked } from 'marked';
import { cleanNoteHTML } from './sanitize';

export function renderNote(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true }) as string;
  return cleanNoteHTML(html);
}
