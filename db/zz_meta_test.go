package db

import (
	"context"
	"database/sql/driver"
	"testing"
	"time"

	"modernc.org/sqlite"
)

var zzCount int

func init() {
	sqlite.MustRegisterScalarFunction("zz_meta", 5, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		zzCount++
		return int64(1), nil
	})
}

func TestZZMeta(t *testing.T) {
	s, err := Open(context.Background(), "/tmp/folio-bench-bbc-100000-schema5.db")
	if err != nil { t.Fatal(err) }
	defer s.Close()
	ctx := context.Background()
	q := func(name, stmt string) {
		best := time.Hour
		for range 3 {
			st := time.Now()
			rows, err := s.db.QueryContext(ctx, stmt)
			if err != nil { t.Fatal(err) }
			n := 0
			for rows.Next() { var a, b any; rows.Scan(&a, &b); n++ }
			rows.Close()
			best = min(best, time.Since(st))
		}
		t.Logf("%-10s %v", name, best)
	}
	q("current", `SELECT source, group_concat(id || ' ' || coalesce(CAST(replace(published, '-', '') AS INTEGER), 0) || ' ' || ((deleted_at IS NULL) + 2 * (read_at IS NOT NULL) + 4 * (starred <> 0)), ' ') FROM articles GROUP BY source`)
	q("concat", `SELECT source, group_concat(id || ' ' || coalesce(published, '0') || ' ' || ((deleted_at IS NULL) + 2 * (read_at IS NOT NULL) + 4 * (starred <> 0)), ' ') FROM articles GROUP BY source`)
	q("idsonly", `SELECT source, group_concat(id, ' ') FROM articles GROUP BY source`)
	q("pubgroups", `SELECT published, group_concat(id, ' ') FROM articles WHERE published IS NOT NULL GROUP BY published`)
	q("func", `SELECT source, count(zz_meta(id, published, deleted_at IS NULL, read_at IS NOT NULL, starred)) FROM articles GROUP BY source`)
	q("rows", `SELECT id, published FROM articles`)
	t.Log(zzCount)
}
