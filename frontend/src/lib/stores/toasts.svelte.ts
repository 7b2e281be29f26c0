// Short messages at the bottom of the window: what just happened, errors in
// plain words, and an Undo where an action can be taken back.
export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
  undo?: () => void;
}

class Toasts {
  list = $state<Toast[]>([]);
  private next = 1;

  show(text: string, opts: { kind?: 'info' | 'error'; undo?: () => void; ms?: number } = {}): void {
    const t: Toast = { id: this.next++, text, kind: opts.kind ?? 'info', undo: opts.undo };
    this.list = [...this.list.slice(-3), t];
    setTimeout(() => this.dismiss(t.id), opts.ms ?? (opts.undo ? 8000 : 4000));
  }

  error(text: string): void {
    this.show(text, { kind: 'error', ms: 8000 });
  }

  dismiss(id: number): void {
    this.list = this.list.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
