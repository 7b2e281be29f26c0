package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ftsTables are the full-text indexes an import writes to.
var ftsTables = []string{"articles_fts"}

// bulkImport is how many files make an import large enough to pause the
// indexes' incremental merging.
const bulkImport = 1000

// BeforeImport readies the library for an import of files files. For a
// large one, FTS5's incremental merging of index segments is paused: the
// import ends with one full merge (AfterImport) instead of merging the same
// postings again and again as batches arrive.
func (s *Store) BeforeImport(ctx context.Context, files int) error {
	if files < bulkImport {
		return nil
	}
	return s.setAutomerge(ctx, 0)
}

// AfterImport keeps searching fast after an import: incremental merging
// is resumed, and when the import added at least a tenth of the library
// (and a few hundred articles), or merging was paused, the full-text
// indexes are merged into one segment each, so ranking a common word reads
// one posting list instead of one per segment.
func (s *Store) AfterImport(ctx context.Context, added int) error {
	paused, err := s.mergingPaused(ctx)
	if err != nil {
		return err
	}
	if paused {
		if err := s.setAutomerge(ctx, defaultAutomerge); err != nil {
			return err
		}
	}
	if added < 500 && !paused {
		return nil
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&total); err != nil {
		return fmt.Errorf("count articles: %w", err)
	}
	if added*10 < total && !paused {
		return nil
	}
	return s.Optimize(ctx)
}

// defaultAutomerge is FTS5's own default.
const defaultAutomerge = 4

func (s *Store) setAutomerge(ctx context.Context, n int) error {
	for _, t := range ftsTables {
		if _, err := s.db.ExecContext(ctx, `INSERT INTO `+t+` (`+t+`, rank) VALUES ('automerge', ?)`, n); err != nil {
			return fmt.Errorf("set index merging: %w", err)
		}
	}
	return nil
}

// mergingPaused reports whether an import paused merging and did not
// resume it (it was killed, say).
func (s *Store) mergingPaused(ctx context.Context) (bool, error) {
	var v sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT v FROM articles_fts_config WHERE k = 'automerge'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read index settings: %w", err)
	}
	return v.Valid && v.String == "0", nil
}
