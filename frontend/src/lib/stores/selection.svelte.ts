// Which rows of the list are selected (for bulk actions) and which one is
// current (the cursor moved by j/k, the article in the reader).
class Selection {
  ids = $state.raw(new Set<number>());
  /** Index of the current row in the list. */
  cursor = $state(-1);
  /** Where a Shift-extension started. */
  anchor = -1;

  get count(): number {
    return this.ids.size;
  }

  has(id: number): boolean {
    return this.ids.has(id);
  }

  only(id: number, index: number): void {
    this.ids = new Set([id]);
    this.cursor = index;
    this.anchor = index;
  }

  toggle(id: number, index: number): void {
    const next = new Set(this.ids);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.ids = next;
    this.cursor = index;
    this.anchor = index;
  }

  /** Selects the rows from the anchor to index, given their ids. */
  range(index: number, idAt: (i: number) => number | undefined): void {
    const from = this.anchor < 0 ? index : this.anchor;
    const next = new Set<number>();
    for (let i = Math.min(from, index); i <= Math.max(from, index); i++) {
      const id = idAt(i);
      if (id !== undefined) next.add(id);
    }
    this.ids = next;
    this.cursor = index;
  }

  set(ids: number[]): void {
    this.ids = new Set(ids);
  }

  clear(): void {
    this.ids = new Set();
    this.cursor = -1;
    this.anchor = -1;
  }
}

export const selection = new Selection();
