// Snippets and notes come from Go as text; marks are private-use characters
// (U+E000 opens, U+E001 closes). Text is escaped before marks become <mark>,
// so nothing in an article can become markup.
import { escapeHTML } from './textmap';

export function snippetHTML(snippet: string): string {
  return escapeHTML(snippet).replaceAll('\uE000', '<mark>').replaceAll('\uE001', '</mark>');
}
