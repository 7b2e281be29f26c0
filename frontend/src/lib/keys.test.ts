import { describe, expect, it } from 'vitest';
import { actionFor, keyName, shortcuts, worksWhileTyping } from './keys';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('keys', () => {
  it('names presses', () => {
    expect(keyName(press('k', { ctrlKey: true }))).toBe('Ctrl+K');
    expect(keyName(press('J', { shiftKey: true }))).toBe('Shift+J');
    expect(keyName(press('?', { shiftKey: true }))).toBe('?');
    expect(keyName(press('#', { shiftKey: true }))).toBe('#');
  });
  it('maps presses to actions', () => {
    expect(actionFor(press('/'))).toBe('search');
    expect(actionFor(press('j'))).toBe('next');
    expect(actionFor(press('J', { shiftKey: true }))).toBe('extendNext');
    expect(actionFor(press('h'))).toBe('highlight');
    expect(actionFor(press('=', { ctrlKey: true }))).toBe('larger');
    expect(actionFor(press('x'))).toBeNull();
  });
  it('gives every key one action', () => {
    const seen = new Set<string>();
    for (const s of shortcuts) {
      for (const k of s.keys) {
        expect(seen.has(k), k).toBe(false);
        seen.add(k);
      }
    }
  });
  it('lets no single key act in a text field', () => {
    for (const s of shortcuts) {
      for (const k of s.keys) {
        const single = !k.startsWith('Ctrl+');
        const key = k.replace(/^(Ctrl|Shift)\+/, '');
        const e = { key, ctrlKey: !single, metaKey: false };
        if (single && key !== 'Escape') expect(worksWhileTyping(s.action, e), k).toBe(false);
      }
    }
    expect(worksWhileTyping('search', press('k', { ctrlKey: true }))).toBe(true);
    expect(worksWhileTyping('back', press('Escape'))).toBe(true);
  });
});
