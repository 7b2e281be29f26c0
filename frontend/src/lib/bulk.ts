// Actions on several articles at once, with a message saying what happened
// and an Undo where the action can be taken back.
import * as api from './api';
import { plural } from './format';
import { toasts } from './stores/toasts.svelte';

export type BulkAction = 'star' | 'unstar' | 'markRead' | 'markUnread' | 'delete' | 'restore' | 'emptyTrash';

const doers: Record<BulkAction, (ids: number[]) => Promise<unknown>> = {
  star: (ids) => api.setStarred(ids, true),
  unstar: (ids) => api.setStarred(ids, false),
  markRead: (ids) => api.setRead(ids, true),
  markUnread: (ids) => api.setRead(ids, false),
  delete: (ids) => api.trashArticles(ids),
  restore: (ids) => api.restoreArticles(ids),
  emptyTrash: () => api.emptyTrash(),
};

const undoers: Partial<Record<BulkAction, BulkAction>> = {
  star: 'unstar',
  unstar: 'star',
  markRead: 'markUnread',
  markUnread: 'markRead',
  delete: 'restore',
  restore: 'delete',
};

function said(action: BulkAction, n: number, result: unknown): string {
  const what = plural(n, 'article');
  switch (action) {
    case 'star': return `Starred ${what}.`;
    case 'unstar': return `Unstarred ${what}.`;
    case 'markRead': return `Marked ${what} read.`;
    case 'markUnread': return `Marked ${what} unread.`;
    case 'delete': return `Moved ${what} to the Trash.`;
    case 'restore': return `Restored ${what} from the Trash.`;
    case 'emptyTrash': return `Deleted ${plural(Number(result) || 0, 'article')} for good.`;
  }
}

/** Runs an action on the articles; returns false when it failed. */
export async function runBulk(action: BulkAction, ids: number[], opts: { onUndo: () => void }): Promise<boolean> {
  if (action === 'emptyTrash' && !window.confirm('Delete every article in the Trash for good? This cannot be undone.')) {
    return false;
  }
  try {
    const result = await doers[action](ids);
    const back = undoers[action];
    toasts.show(said(action, ids.length, result), {
      undo: back
        ? async () => {
            await doers[back](ids);
            opts.onUndo();
          }
        : undefined,
    });
    return true;
  } catch (err) {
    toasts.error(api.errorMessage(err));
    return false;
  }
}
