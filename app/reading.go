package app

import (
	"context"
)

// SetProgress records how far into an article the person has read (0..1).
// It emits nothing: the list does not show progress.
func (a *App) SetProgress(id int64, progress float64) error {
	return userError("save the reading position", a.db().SetProgress(context.Background(), id, progress))
}

// SetRead marks articles read or unread.
func (a *App) SetRead(ids []int64, read bool) error {
	if err := a.db().SetRead(context.Background(), ids, read); err != nil {
		if read {
			return userError("mark as read", err)
		}
		return userError("mark as unread", err)
	}
	a.host.Emit(EventLibraryChanged, nil)
	return nil
}

// SetStarred stars or unstars articles.
func (a *App) SetStarred(ids []int64, starred bool) error {
	if err := a.db().SetStarred(context.Background(), ids, starred); err != nil {
		if starred {
			return userError("star", err)
		}
		return userError("unstar", err)
	}
	a.host.Emit(EventLibraryChanged, nil)
	return nil
}
