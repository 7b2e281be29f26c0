package app

import (
	"context"

	"folio/db"
)

// EventNamesProgress carries a db.NamesProgress while the names of the
// articles stored before names were kept are being found.
const EventNamesProgress = "names:progress"

// ListNames returns the people ("person"), organisations ("org") or places
// ("place"; "" for all kinds) named in the library, or in the articles a
// search finds, with how many articles name each, most first; at most
// limit (0 for all).
func (a *App) ListNames(kind, query string, limit int) ([]db.NameCount, error) {
	list, err := a.db().ListNames(context.Background(), db.NameFilter{Kind: kind, Query: query, Limit: limit})
	return list, userError("list the names", err)
}

// NameDetail returns a name, the articles that name it, and the names
// found most often beside it.
func (a *App) NameDetail(id int64) (db.NameDetail, error) {
	d, err := a.db().NameDetail(context.Background(), id)
	return d, userError("show the name", err)
}

// RenameName spells a name anew; a spelling another name of the kind has
// merges the two. Articles imported later follow the rename.
func (a *App) RenameName(id int64, name string) (db.NameCount, error) {
	n, err := a.db().RenameName(context.Background(), id, name)
	if err != nil {
		return n, userError("rename the name", err)
	}
	a.libraryChanged()
	return n, nil
}

// MergeNames folds the names ids into the name into.
func (a *App) MergeNames(into int64, ids []int64) (db.NameCount, error) {
	n, err := a.db().MergeNames(context.Background(), into, ids)
	if err != nil {
		return n, userError("merge the names", err)
	}
	a.libraryChanged()
	return n, nil
}

// HideName keeps a name out of the facets and the Names view, or brings
// it back.
func (a *App) HideName(id int64, hidden bool) (db.NameCount, error) {
	n, err := a.db().HideName(context.Background(), id, hidden)
	if err != nil {
		return n, userError("hide the name", err)
	}
	a.libraryChanged()
	return n, nil
}

// NamesProgress tells how far finding the names of older articles has got.
func (a *App) NamesProgress() (db.NamesProgress, error) {
	p, err := a.db().NamesProgress(context.Background())
	return p, userError("read the progress of names", err)
}

// FindOlderNames finds, in the background, the names of the articles
// stored before names were kept, reporting progress as EventNamesProgress
// events; it goes on where it stopped the last time. It follows the
// library when a restore swaps it, and stops when ctx is done. It is a
// function, not a method, so that it is not bound to the frontend.
func FindOlderNames(ctx context.Context, a *App) {
	backfill(ctx, a, "find names", func(ctx context.Context, s *db.Store) bool {
		p, err := s.NamesProgress(ctx)
		return err == nil && p.Ready
	}, func(ctx context.Context, s *db.Store) error {
		return s.FillNames(ctx, func(p db.NamesProgress) {
			a.host.Emit(EventNamesProgress, p)
			if p.Ready {
				a.libraryChanged()
			}
		})
	})
}

// ArticleNames returns the people, organisations and places an article
// names.
func (a *App) ArticleNames(id int64) ([]db.NameCount, error) {
	list, err := a.db().ArticleNames(context.Background(), id)
	return list, userError("read the article's names", err)
}
