package app

import (
	"context"
	"fmt"

	"folio/db"
)

// libraryChanged tells the window that what its list shows has changed.
func (a *App) libraryChanged() {
	a.host.Emit(EventLibraryChanged, nil)
}

// ViewCounts returns the sizes of All, Unread, Starred, Annotated and Trash.
func (a *App) ViewCounts() (db.ViewCounts, error) {
	c, err := a.db().ViewCounts(context.Background())
	return c, userError("count the library", err)
}

// MonthGroups splits a view in a sort order into runs of one month ("" for
// undated articles), in the list's order, for its month headers. The sort
// "title" has none.
func (a *App) MonthGroups(view string, sort string) ([]db.MonthCount, error) {
	v, s, err := viewAndSort(view, sort)
	if err != nil {
		return []db.MonthCount{}, err
	}
	groups, err := a.db().MonthGroups(context.Background(), v, s)
	return groups, userError("group the list by month", err)
}

// Timeline returns the articles outside the Trash per publication month,
// oldest first, leaving out months without articles and undated articles.
func (a *App) Timeline() ([]db.MonthCount, error) {
	months, err := a.db().Timeline(context.Background())
	return months, userError("read the timeline", err)
}

// viewAndSort checks a view and a sort order named by the window; "" is
// All, newest first.
func viewAndSort(view, sort string) (db.View, db.Sort, error) {
	switch db.View(view) {
	case db.ViewAll, db.ViewUnread, db.ViewStarred, db.ViewAnnotated, db.ViewTrash:
	default:
		return "", "", fmt.Errorf("%q is not a view: use \"\", unread, starred, annotated or trash", view)
	}
	order, err := db.ParseListSort(sort)
	return db.View(view), order, err
}
