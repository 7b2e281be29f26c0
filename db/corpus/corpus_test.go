package corpus

import (
	"strings"
	"testing"
)

func TestGeneratedArticlesAreVariedAndSized(t *testing.T) {
	g := New(1, "")
	if g.UsesRealSentences() {
		t.Fatal("no folder given, yet real sentences are used")
	}
	seen := map[string]bool{}
	for i := 0; i < 200; i++ {
		a := g.Next(i)
		if len(a.Body) < BodySize || len(a.Body) > 2*BodySize {
			t.Fatalf("article %d is %d bytes", i, len(a.Body))
		}
		if seen[a.Body] {
			t.Fatalf("article %d repeats an earlier text", i)
		}
		seen[a.Body] = true
		if a.Title == "" || len(a.Published) != 10 || a.Source == "" {
			t.Fatalf("article %d lacks metadata: %+v", i, a)
		}
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(New(2, "").Next(0).Body) {
		words[w] = true
	}
	if len(words) < 60 {
		t.Errorf("only %d distinct words in an article", len(words))
	}
}

func TestSameSeedSameArticles(t *testing.T) {
	a, b := New(7, "").Next(3), New(7, "").Next(3)
	if a.Body != b.Body {
		t.Error("the same seed gave different articles")
	}
}
