import { describe, expect, it } from 'vitest';
import { tagTree } from './tagtree';
import type { TagCount } from './api';

const tag = (id: number, name: string, count: number) => ({ id, name, count, color: '' }) as TagCount;

describe('tagTree', () => {
  it('nests children under parents, inventing missing parents', () => {
    const tree = tagTree([tag(1, 'region/russia', 3), tag(2, 'energy', 5), tag(3, 'region/asia/korea', 1)]);
    expect(tree.map((n) => n.label)).toEqual(['energy', 'region']);
    const region = tree[1];
    expect(region.tag).toBeNull();
    expect(region.children.map((n) => n.path)).toEqual(['region/asia', 'region/russia']);
    expect(region.children[0].children[0].tag?.id).toBe(3);
  });
});
