package app

import (
	"context"

	"folio/db"
)

// SavedSearches returns the saved searches in their sidebar order.
func (a *App) SavedSearches() ([]db.SavedSearch, error) {
	list, err := a.db().SavedSearches(context.Background())
	return list, userError("read the saved searches", err)
}

// SaveSearch keeps a query under a name, last in the list. Names are
// unique whatever their case.
func (a *App) SaveSearch(name, query string) (db.SavedSearch, error) {
	ss, err := a.db().SaveSearch(context.Background(), name, query)
	return ss, userError("save the search", err)
}

// RenameSavedSearch gives a saved search a new name.
func (a *App) RenameSavedSearch(id int64, name string) (db.SavedSearch, error) {
	ss, err := a.db().RenameSavedSearch(context.Background(), id, name)
	return ss, userError("rename the saved search", err)
}

// DeleteSavedSearch forgets a saved search.
func (a *App) DeleteSavedSearch(id int64) error {
	return userError("delete the saved search", a.db().DeleteSavedSearch(context.Background(), id))
}

// ReorderSavedSearches puts the saved searches in the order of ids; those
// left out follow in their order.
func (a *App) ReorderSavedSearches(ids []int64) error {
	return userError("reorder the saved searches", a.db().ReorderSavedSearches(context.Background(), ids))
}
