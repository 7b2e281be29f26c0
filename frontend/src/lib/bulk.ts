// Actions on several articles at once, with a message saying what happened
// and an Undo where the action can be taken back.
import * as api from './api';
import { plural } from './format';
import { toasts } from './stores/toasts.svelte';

export type BulkAction = 'star' | 'unstar' | 'markRead' | 'markUnread' | 'delete' | 'restore' | 'deleteForever' | 'emptyTrash';

const doers: Record<BulkAction, (ids: number[]) => Promise<unknown>> = {
  star: (ids) => api.setStarred(ids, true),
  unstar: (ids) => api.setStarred(ids, false),
  markRead: (ids) => api.setRead(ids, true),
  markUnread: (ids) => api.setRead(ids, false),
  delete: (ids) => api.trashArticles(ids),
  restore: (ids) => api.restoreArticles(ids),
  deleteForever: (ids) => api.deleteTrashed(ids),
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

/** Actions that cannot be undone ask first. */
const confirmations: Partial<Record<BulkAction, (n: number) => string>> = {
  emptyTrash: () => 'Delete every article in the Trash for good? This cannot be undone.',
  deleteForever: (n) => `Delete ${plural(n, 'article')} for good, with ${n === 1 ? 'its' : 'their'} highlights and notes? This cannot be undone.`,
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
    case 'deleteForever':
    case 'emptyTrash': return `Deleted ${plural(Number(result) || 0, 'article')} for good.`;
  }
}

/** Runs an action on the articles; returns false when it failed. */
export async function runBulk(action: BulkAction, ids: number[], opts: { onUndo: () => void }): Promise<boolean> {
  const question = confirmations[action]?.(ids.length);
  if (question && !window.confirm(question)) return false;
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
