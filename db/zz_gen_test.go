package db_test

import (
	"context"
	"os"
	"testing"
	"time"
	"strconv"

	"folio/db"
	"folio/db/corpus"
)

func TestZZGen(t *testing.T) {
	path := os.Getenv("GEN_PATH")
	if path == "" { t.Skip() }
	n, _ := strconv.Atoi(os.Getenv("GEN_N"))
	s, err := db.Open(context.Background(), path)
	if err != nil { t.Fatal(err) }
	defer s.Close()
	g := corpus.New(1, "../../shared/corpus/bbc")
	t.Log("real:", g.UsesRealSentences())
	start := time.Now()
	batch := []db.NewArticle{}
	for i := 0; i < n; i++ {
		a := g.Next(i)
		batch = append(batch, db.NewArticle{Title: a.Title, Source: a.Source, Published: a.Published, Body: a.Body, Tags: a.Tags, Path: "/gen/" + strconv.Itoa(i) + ".txt"})
		if len(batch) == 5000 || i == n-1 {
			if _, err := s.ImportArticles(context.Background(), batch); err != nil { t.Fatal(err) }
			batch = batch[:0]
		}
	}
	t.Log("import", time.Since(start))
	start = time.Now()
	if _, err := s.DB().Exec(`INSERT INTO articles_fts(articles_fts) VALUES('optimize')`); err != nil { t.Fatal(err) }
	t.Log("optimize", time.Since(start))
}
