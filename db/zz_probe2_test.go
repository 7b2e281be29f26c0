package db_test

import (
	"context"
	"database/sql/driver"
	"os"
	"sync"
	"testing"
	"time"

	"folio/db"
	sqlite "modernc.org/sqlite"
)

func init() {
	sqlite.MustRegisterDeterministicScalarFunction("zz_keep", 1, func(ctx *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		id := args[0].(int64)
		return id%2 == 0, nil
	})
}

func TestZZProbe2(t *testing.T) {
	path := os.Getenv("PROBE_PATH")
	if path == "" { t.Skip() }
	s, err := db.Open(context.Background(), path)
	if err != nil { t.Fatal(err) }
	defer s.Close()
	d := s.DB()
	best := func(f func()) time.Duration {
		b := time.Hour
		for i := 0; i < 5; i++ { st := time.Now(); f(); if e := time.Since(st); e < b { b = e } }
		return b
	}
	for _, term := range []string{`"said"`, `"government"`, `"mobile" AND "phone"`} {
		one := func(lo, hi int64, extra string) {
			rows, err := d.Query(`SELECT rowid, bm25(articles_fts, 10.0, 2.0, 2.0, 1.0) FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? `+extra+` ORDER BY 2 LIMIT 50`, term, lo, hi)
			if err != nil { t.Fatal(err) }
			for rows.Next() {}
			rows.Close()
		}
		t.Logf("%-20s whole  %v", term, best(func() { one(0, 1<<40, "") }))
		t.Logf("%-20s split2 %v", term, best(func() {
			var wg sync.WaitGroup
			wg.Add(2)
			go func() { one(0, 50000, ""); wg.Done() }()
			go func() { one(50001, 1<<40, ""); wg.Done() }()
			wg.Wait()
		}))
		t.Logf("%-20s keep   %v", term, best(func() { one(0, 1<<40, "AND zz_keep(rowid)") }))
		t.Logf("%-20s keepcount %v", term, best(func() { var n int; d.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND zz_keep(rowid)`, term).Scan(&n) }))
	}
}
