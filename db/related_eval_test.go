package db

// Related articles, measured on the BBC corpus: its articles are filed in
// five topic folders, and an article's related articles should come from
// its own folder. Printed beside a plain tf-idf baseline (cosine
// similarity of tf-idf vectors over all words) in the same run.
//
//	go test -run '^$' -bench 'RelatedQuality$' -benchtime 1x ./db/    (part of make eval)

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// relatedTop is how many related articles are judged per article.
const relatedTop = 5

// sharedCorpusDir is the research corpus folder: $FOLIO_SHARED/corpus when
// set (a checkout elsewhere than beside the corpus), else evalDir.
func sharedCorpusDir() string {
	if dir := os.Getenv("FOLIO_SHARED"); dir != "" {
		return filepath.Join(dir, "corpus")
	}
	return evalDir
}

func BenchmarkRelatedQuality(b *testing.B) {
	docs, keys, err := readBBC(filepath.Join(sharedCorpusDir(), "bbc"))
	if err != nil || len(docs) == 0 {
		b.Skipf("BBC corpus not found (%v; set FOLIO_SHARED): skipped", err)
	}
	lib := newEvalLibrary(b, docs, keys)
	ctx := context.Background()
	for b.Loop() {
		var folio, base float64
		judged := 0
		baseline := newTfidfBaseline(docs, keys, lib.canon)
		for id, key := range lib.keys {
			got, err := lib.s.RelatedArticles(ctx, id, relatedTop)
			if err != nil {
				b.Fatal(err)
			}
			ids := make([]int64, len(got))
			for i, r := range got {
				ids[i] = r.Article.ID
			}
			folio += sameFolderShare(key, lib.keysOf(ids))
			base += sameFolderShare(key, baseline.related(key, relatedTop))
			judged++
		}
		folio, base = folio/float64(judged), base/float64(judged)
		fmt.Printf("    BBC related articles: %d articles, share of the top %d from the article's own folder\n", judged, relatedTop)
		fmt.Printf("      %-44s %5.1f%%\n", "plain tf-idf, cosine over all words", 100*base)
		fmt.Printf("      %-44s %5.1f%%\n", "Folio, distinctive terms ranked as search", 100*folio)
		b.ReportMetric(100*folio, "folio-same-folder-%")
		b.ReportMetric(100*base, "tfidf-same-folder-%")
	}
}

// sameFolderShare is the share of related keys in key's folder, counting
// a missing answer as a wrong one.
func sameFolderShare(key string, related []string) float64 {
	folder, _, _ := strings.Cut(key, "/")
	same := 0
	for _, r := range related {
		if strings.HasPrefix(r, folder+"/") {
			same++
		}
	}
	return float64(same) / relatedTop
}

// tfidfBaseline is the textbook "more like this": each article a vector
// of (1 + log tf) × idf over its lower-cased words, normalised, and the
// related articles those with the highest cosine.
type tfidfBaseline struct {
	keys    []string
	vectors []map[string]float64
	index   map[string][]posting // word → articles holding it, with its weight there
	byKey   map[string]int
}

type posting struct {
	doc    int
	weight float64
}

func newTfidfBaseline(docs []NewArticle, keys []string, canon map[string]string) *tfidfBaseline {
	t := &tfidfBaseline{index: map[string][]posting{}, byKey: map[string]int{}}
	for i, d := range docs {
		if canon[keys[i]] != keys[i] {
			continue // a duplicate: stored once, as the library does
		}
		tf := map[string]float64{}
		for _, w := range evalWords(d.Title + "\n" + d.Body) {
			tf[w]++
		}
		n := len(t.keys)
		t.byKey[keys[i]] = n
		t.keys = append(t.keys, keys[i])
		t.vectors = append(t.vectors, tf)
		for w := range tf {
			t.index[w] = append(t.index[w], posting{doc: n})
		}
	}
	for _, v := range t.vectors {
		norm := 0.0
		for w, f := range v {
			v[w] = (1 + math.Log(f)) * math.Log(float64(len(t.keys))/float64(len(t.index[w])))
			norm += v[w] * v[w]
		}
		for w := range v {
			v[w] /= math.Sqrt(norm)
		}
	}
	for w, list := range t.index {
		for i := range list {
			list[i].weight = t.vectors[list[i].doc][w]
		}
	}
	return t
}

func (t *tfidfBaseline) related(key string, n int) []string {
	self := t.byKey[key]
	sim := make([]float64, len(t.keys))
	for w, x := range t.vectors[self] {
		for _, p := range t.index[w] {
			sim[p.doc] += x * p.weight
		}
	}
	ids := make([]int, 0, len(sim))
	for id := range sim {
		if id != self && sim[id] > 0 {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b int) int {
		if sim[a] != sim[b] {
			if sim[a] > sim[b] {
				return -1
			}
			return 1
		}
		return a - b
	})
	out := make([]string, 0, n)
	for _, id := range ids[:min(n, len(ids))] {
		out = append(out, t.keys[id])
	}
	return out
}
