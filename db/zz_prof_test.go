package db_test

import (
	"context"
	"os"
	"testing"

	"folio/db"
)

func TestZZProf(t *testing.T) {
	path := os.Getenv("PROBE_PATH")
	if path == "" { t.Skip() }
	s, err := db.Open(context.Background(), path)
	if err != nil { t.Fatal(err) }
	defer s.Close()
	for i := 0; i < 10; i++ {
		var x float64
		if err := s.DB().QueryRow(`WITH m AS MATERIALIZED (SELECT bm25(articles_fts, 10.0, 2.0, 2.0, 1.0) AS s FROM articles_fts WHERE articles_fts MATCH ?) SELECT sum(s) FROM m`, os.Getenv("PROBE_Q")).Scan(&x); err != nil { t.Fatal(err) }
	}
}
