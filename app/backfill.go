package app

import (
	"context"
	"log"

	"folio/db"
)

// backfill runs fill on the open library in the background until it
// returns, unless ready says there is nothing to do. It follows the
// library when a restore swaps it (fill then fails on the closed one and
// runs again on the new), and stops when ctx is done.
func backfill(ctx context.Context, a *App, what string, ready func(context.Context, *db.Store) bool,
	fill func(context.Context, *db.Store) error) {
	go func() {
		for ctx.Err() == nil {
			store := a.db()
			if ready(ctx, store) {
				return
			}
			err := fill(ctx, store)
			if err == nil || ctx.Err() != nil {
				return
			}
			if store == a.db() { // not a restore: a real failure
				log.Printf("%s: %v", what, err)
				return
			}
		}
	}()
}

// FindOlderVersions signs and groups, in the background, the articles
// stored before versions were found, so that later copies of them are
// their versions; it goes on where it stopped the last time, and tells
// the window the library changed when it is done. It is a function, not
// a method, so that it is not bound to the frontend.
func FindOlderVersions(ctx context.Context, a *App) {
	backfill(ctx, a, "find versions", func(ctx context.Context, s *db.Store) bool {
		p, err := s.VersionsProgress(ctx)
		return err == nil && p.Ready
	}, func(ctx context.Context, s *db.Store) error {
		return s.FillVersions(ctx, func(p db.VersionsProgress) {
			if p.Ready {
				a.libraryChanged()
			}
		})
	})
}
