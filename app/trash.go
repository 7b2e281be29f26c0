package app

import (
	"context"
)

// TrashArticles moves articles to the Trash; they keep their tags and
// annotations until it is emptied.
func (a *App) TrashArticles(ids []int64) error {
	if err := a.db().TrashArticles(context.Background(), ids); err != nil {
		return userError("move the articles to the Trash", err)
	}
	a.libraryChanged()
	return nil
}

// RestoreArticles takes articles out of the Trash.
func (a *App) RestoreArticles(ids []int64) error {
	if err := a.db().RestoreArticles(context.Background(), ids); err != nil {
		return userError("restore the articles", err)
	}
	a.libraryChanged()
	return nil
}

// EmptyTrash deletes the articles in the Trash for good, with their
// annotations, and returns how many went.
func (a *App) EmptyTrash() (int, error) {
	n, err := a.db().EmptyTrash(context.Background())
	if err != nil {
		return 0, userError("empty the Trash", err)
	}
	a.libraryChanged()
	return n, nil
}

// DeleteTrashed deletes articles in the Trash for good, with their
// annotations, and returns how many went; articles not in the Trash stay.
func (a *App) DeleteTrashed(ids []int64) (int, error) {
	n, err := a.db().DeleteTrashed(context.Background(), ids)
	if err != nil {
		return 0, userError("delete the articles for good", err)
	}
	a.libraryChanged()
	return n, nil
}
