package db_test

import (
	"strings"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

// TestSnippetPassages checks the passage each hit shows: where it starts
// and ends, what it marks, and that multi-byte text keeps its place.
func TestSnippetPassages(t *testing.T) {
	s := dbtest.Open(t)
	filler := strings.Repeat("Nothing of note happened here at all today. ", 20)
	articles := map[string]string{
		"sentence": "The harbour opened early. Fishermen unloaded their catch. " +
			"Later the prime minister visited the café and met the owners. " + filler,
		"accents": "Café naïve façade über résumé: the ferry to Gozo leaves at noon. " + filler,
		"end":     filler + "At last the lighthouse keeper arrived",
		"phrases": "Our prime example. " + filler + "The Prime Minister spoke. Tomorrow the prime minister travels.",
		"title":   filler,
	}
	titles := map[string]string{"title": "Lighthouses of Malta"}
	for key, body := range articles {
		title := titles[key]
		if title == "" {
			title = "Article " + key
		}
		importOne(t, s, db.NewArticle{Title: title, Body: body, Path: "/snip/" + key + ".txt"})
	}
	mark := func(s string) string { return db.MarkStart + s + db.MarkEnd }
	cases := []struct {
		query, article, want string
		prefix               bool // want is the snippet's beginning
	}{
		// the passage starts at the sentence of the match and goes on
		{`"prime minister" café`, "sentence", "…Later the " + mark("prime minister") + " visited the " + mark("café"), true},
		// bytes before the match are multi-byte
		{`ferry`, "accents", "Café naïve façade über résumé: the " + mark("ferry") + " to Gozo leaves at noon.", true},
		// diacritics fold and stems match
		{`cafes`, "sentence", "…Later the prime minister visited the " + mark("café") + " and met the owners.", true},
		// a match at the very end: no ellipsis after it
		{`lighthouse keeper`, "end", "…At last the " + mark("lighthouse") + " " + mark("keeper") + " arrived", false},
	}
	for _, c := range cases {
		res := search(t, s, db.SearchRequest{Query: c.query})
		if len(res.Hits) == 0 {
			t.Errorf("%s: no hits", c.query)
			continue
		}
		got := res.Hits[0].Snippet
		for _, h := range res.Hits {
			if strings.Contains(h.Article.Path, c.article) {
				got = h.Snippet
			}
		}
		ok := strings.HasPrefix(got, c.want)
		if !c.prefix {
			ok = got == c.want
		}
		if !ok {
			t.Errorf("%s: snippet %q, want %q", c.query, got, c.want)
		}
		if c.prefix && !strings.HasSuffix(got, "…") {
			t.Errorf("%s: snippet %q does not say the body goes on", c.query, got)
		}
		if words := len(strings.Fields(strings.NewReplacer(db.MarkStart, "", db.MarkEnd, "", "…", "").Replace(got))); words > 24 {
			t.Errorf("%s: %d words in %q", c.query, words, got)
		}
	}
	// The passage with both words of a phrase beats an earlier one word.
	res := search(t, s, db.SearchRequest{Query: `"prime minister" travels`})
	if len(res.Hits) == 0 || res.Hits[0].Snippet != "…The "+mark("Prime Minister")+" spoke. Tomorrow the "+mark("prime minister")+" "+mark("travels") {
		t.Errorf("phrase passage: %+v", res.Hits)
	}
	// A match in the title alone shows the opening.
	res = search(t, s, db.SearchRequest{Query: "lighthouses malta"})
	if len(res.Hits) == 0 || !strings.HasPrefix(res.Hits[0].Snippet, "Nothing of note happened") || strings.Contains(res.Hits[0].Snippet, db.MarkStart) {
		t.Errorf("title-only match: %+v", res.Hits)
	}
}
