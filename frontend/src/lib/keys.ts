// Every action has a key. This table is the one source of truth: the key
// handler dispatches from it and the "?" overlay lists it.

export interface Shortcut {
  action: string;
  keys: string[]; // as keyName() spells them
  label: string;
  group: 'Library' | 'Reading' | 'Highlights' | 'App';
}

export const shortcuts: Shortcut[] = [
  { action: 'search', keys: ['/', 'Ctrl+K'], label: 'Search', group: 'Library' },
  { action: 'next', keys: ['j', 'ArrowDown'], label: 'Next article (in the article: scroll down)', group: 'Library' },
  { action: 'previous', keys: ['k', 'ArrowUp'], label: 'Previous article (in the article: scroll up)', group: 'Library' },
  { action: 'extendNext', keys: ['Shift+J', 'Shift+ArrowDown'], label: 'Extend the selection down', group: 'Library' },
  { action: 'extendPrevious', keys: ['Shift+K', 'Shift+ArrowUp'], label: 'Extend the selection up', group: 'Library' },
  { action: 'selectAll', keys: ['Ctrl+A'], label: 'Select every article in the list', group: 'Library' },
  { action: 'open', keys: ['Enter', 'o'], label: 'Open the article and move into it', group: 'Library' },
  { action: 'back', keys: ['Escape'], label: 'Back: close, clear the search, leave the reader', group: 'Library' },
  { action: 'tag', keys: ['t'], label: 'Tag the selected articles', group: 'Library' },
  { action: 'star', keys: ['s'], label: 'Star or unstar', group: 'Library' },
  { action: 'read', keys: ['u'], label: 'Mark read or unread', group: 'Library' },
  { action: 'delete', keys: ['#', 'Delete'], label: 'Move to the Trash (in the Trash: delete for good)', group: 'Library' },
  { action: 'restore', keys: ['r'], label: 'Restore from the Trash', group: 'Library' },
  { action: 'pageDown', keys: ['Space', 'PageDown'], label: 'Scroll the article down a page', group: 'Reading' },
  { action: 'pageUp', keys: ['Shift+Space', 'PageUp'], label: 'Scroll the article up a page', group: 'Reading' },
  { action: 'nextMatch', keys: ['n'], label: 'Next search match in the article', group: 'Reading' },
  { action: 'previousMatch', keys: ['Shift+N'], label: 'Previous search match', group: 'Reading' },
  { action: 'larger', keys: ['Ctrl+=', 'Ctrl++'], label: 'Larger text', group: 'Reading' },
  { action: 'smaller', keys: ['Ctrl+-'], label: 'Smaller text', group: 'Reading' },
  { action: 'notes', keys: ['a'], label: 'Show or hide highlights and notes', group: 'Reading' },
  { action: 'nextSentence', keys: ['e'], label: 'Select the next sentence', group: 'Highlights' },
  { action: 'previousSentence', keys: ['w'], label: 'Select the previous sentence', group: 'Highlights' },
  { action: 'extendSentence', keys: ['Shift+E'], label: 'Add the next sentence to the selection', group: 'Highlights' },
  { action: 'nextParagraph', keys: ['p'], label: 'Select the next paragraph', group: 'Highlights' },
  { action: 'extendParagraph', keys: ['Shift+P'], label: 'Add the next paragraph to the selection', group: 'Highlights' },
  { action: 'highlight', keys: ['h'], label: 'Highlight the selected text', group: 'Highlights' },
  { action: 'toggleSidebar', keys: ['['], label: 'Show or hide the sidebar', group: 'App' },
  { action: 'toggleList', keys: [']'], label: 'Show or hide the article list', group: 'App' },
  { action: 'import', keys: ['Ctrl+I'], label: 'Import files', group: 'App' },
  { action: 'settings', keys: ['Ctrl+,'], label: 'Settings', group: 'App' },
  { action: 'shortcuts', keys: ['?'], label: 'Show these shortcuts', group: 'App' },
];

/** The name of a key press: "j", "Shift+J", "Ctrl+K", "?", "Escape". */
export function keyName(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string {
  const mods: string[] = [];
  if (e.ctrlKey || e.metaKey) mods.push('Ctrl');
  if (e.altKey) mods.push('Alt');
  let key = e.key === ' ' ? 'Space' : e.key;
  // Shift is part of printable symbols already ("?", "#"); name it for letters and arrows.
  if (e.shiftKey && (key.length > 1 || /[a-z]/i.test(key))) mods.push('Shift');
  if (key.length === 1 && /[a-z]/i.test(key)) key = mods.length > 0 ? key.toUpperCase() : key.toLowerCase();
  return [...mods, key].join('+');
}

const byKey = new Map<string, string>();
for (const s of shortcuts) for (const k of s.keys) byKey.set(k, s.action);

/** The action a key press means, or null. */
export function actionFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string | null {
  return byKey.get(keyName(e)) ?? null;
}

/**
 * Whether a key press may act while the focus is in a text field. A single
 * key is the person's text there ("/" in a URL, "h" in a word), so only
 * Escape and a few Ctrl shortcuts that cannot be typed work.
 */
export function worksWhileTyping(action: string, e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey'>): boolean {
  if (e.key === 'Escape') return action === 'back';
  return (e.ctrlKey || e.metaKey) && inFields.has(action);
}

const inFields = new Set(['search', 'import', 'settings', 'larger', 'smaller']);

/** True when the key press lands on a control that Enter or Space activates itself. */
export function onControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], summary, [role="menuitem"]') !== null;
}

/** True when the key press lands in a field that takes text. */
export function inTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}
