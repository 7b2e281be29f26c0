// Tags with "/" in their names form a tree: region/russia sits under
// region, whether or not a tag named "region" exists.
import type { TagCount } from './api';

export interface TagNode {
  path: string; // the full name, "region/russia"
  label: string; // the last part, "russia"
  tag: TagCount | null; // null for a parent that exists only through children
  count: number; // the tag's own articles (0 for implied parents)
  children: TagNode[];
}

export function tagTree(tags: TagCount[]): TagNode[] {
  const roots: TagNode[] = [];
  const byPath = new Map<string, TagNode>();
  const sorted = [...tags].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
  for (const t of sorted) {
    const parts = t.name.split('/');
    let siblings = roots;
    let path = '';
    parts.forEach((label, i) => {
      path = path ? `${path}/${label}` : label;
      const key = path.toLowerCase();
      let node = byPath.get(key);
      if (!node) {
        node = { path, label, tag: null, count: 0, children: [] };
        byPath.set(key, node);
        siblings.push(node);
      }
      if (i === parts.length - 1) {
        node.tag = t;
        node.count = t.count;
      }
      siblings = node.children;
    });
  }
  return roots;
}
