// The article open in the reader.
import * as api from '../api';
import type { Article } from '../api';

class Reader {
  article = $state.raw<Article | null>(null);
  error = $state('');
  private opening = 0;

  async open(id: number): Promise<void> {
    const ticket = ++this.opening;
    try {
      const a = await api.getArticle(id);
      if (ticket !== this.opening) return; // a later click won
      this.article = a;
      this.error = '';
    } catch (err) {
      if (ticket === this.opening) this.error = api.errorMessage(err);
    }
  }

  close(): void {
    this.opening++;
    this.article = null;
  }
}

export const reader = new Reader();
