import { describe, expect, it } from 'vitest';
import { snippetHTML } from './snippet';

describe('snippetHTML', () => {
  it('marks matches and escapes everything else', () => {
    expect(snippetHTML('a \uE000supply\uE001 of <b>x</b>')).toBe('a <mark>supply</mark> of &lt;b&gt;x&lt;/b&gt;');
  });
});
