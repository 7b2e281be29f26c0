package db_test

import (
	"context"
	"os"
	"testing"
	"time"
	"strings"

	"folio/db"
)

func TestZZProbe(t *testing.T) {
	path := os.Getenv("PROBE_PATH")
	if path == "" { t.Skip() }
	s, err := db.Open(context.Background(), path)
	if err != nil { t.Fatal(err) }
	defer s.Close()
	d := s.DB()
	for _, term := range []string{`"said"`, `"the"`, `"government"`, `"mobile" AND "phone"`, `"brown"`} {
		run := func(name, q string) {
			best := time.Hour
			var res string
			for i := 0; i < 5; i++ {
				start := time.Now()
				rows, err := d.Query(q, term)
				if err != nil { t.Fatal(err) }
				n := 0
				for rows.Next() {
					var v any
					rows.Scan(&v)
					n++
					if n == 1 { if b, ok := v.([]byte); ok { res = string(b[:min(30, len(b))]) } else if s, ok := v.(string); ok { res = s[:min(30,len(s))] + "…" + string(rune('0'+len(s)/100000)) } else { res = strings.TrimSpace(strings.Repeat(" ", 0)) ; _ = v } }
				}
				rows.Close()
				if e := time.Since(start); e < best { best = e }
				if name == "rows" { res = "n=" + itoa(n) }
			}
			t.Logf("%-22s %-10s %8.2fms %s", term, name, float64(best.Microseconds())/1000, res)
		}
		run("count", `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`)
		run("docsize", `SELECT count(*) FROM articles_fts f JOIN articles_fts_docsize d ON d.id = f.rowid WHERE articles_fts MATCH ?`)
		run("docsizeL", `SELECT sum(length(d.sz)) FROM articles_fts f JOIN articles_fts_docsize d ON d.id = f.rowid WHERE articles_fts MATCH ?`)
		run("artjoin", `SELECT count(*) FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ? AND a.deleted_at IS NULL`)
		run("bm25sum", `WITH m AS MATERIALIZED (SELECT bm25(articles_fts, 10.0, 2.0, 2.0, 1.0) AS s FROM articles_fts WHERE articles_fts MATCH ?) SELECT sum(s) FROM m`)
	}
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0)) + fmtInt(n) }
func fmtInt(n int) string { b := []byte{}; if n == 0 { return "0" }; for n > 0 { b = append([]byte{byte('0'+n%10)}, b...); n /= 10 }; return string(b) }
