package app_test

import (
	"encoding/base64"
	"strings"
	"testing"

	"folio/app"
)

// Two different pages both named index.html, uploaded one after the other:
// an upload has no path, so the second is an article of its own and the
// first keeps its text and its highlight.
func TestUploadsWithTheSameNameStayApart(t *testing.T) {
	a, _, _ := libraryApp(t)
	page := func(body string) []app.Upload {
		html := "<html><head><title>News site</title></head><body><article><h1>News site</h1><p>" + body + "</p></article></body></html>"
		return []app.Upload{{Name: "index.html", Base64: base64.StdEncoding.EncodeToString([]byte(html))}}
	}
	first, err := a.ImportUploads(page("The ferry to Gozo starts sailing in spring, the harbour master said on Monday."), app.ImportOptions{})
	if err != nil || first.Imported != 1 {
		t.Fatalf("first upload: %+v, %v", first.Results, err)
	}
	id := first.Results[0].ID
	art, err := a.GetArticle(id)
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(art.Body, "ferry to Gozo")
	if _, err := a.AddHighlight(app.HighlightParams{ArticleID: id, Start: start, End: start + len("ferry to Gozo")}); err != nil {
		t.Fatal(err)
	}
	second, err := a.ImportUploads(page("The ferry to Malta is cancelled for the winter, the harbour master said on Tuesday."), app.ImportOptions{})
	if err != nil || second.Imported != 1 || second.Updated != 0 {
		t.Fatalf("second upload: %+v, %v; want a new article", second.Results, err)
	}
	art, err = a.GetArticle(id)
	if err != nil || !strings.Contains(art.Body, "Gozo") {
		t.Errorf("the first page's text is gone: %q, %v", art.Body, err)
	}
	notes, err := a.ArticleAnnotations(id)
	if err != nil || len(notes) != 1 || notes[0].Orphaned || notes[0].Exact != "ferry to Gozo" {
		t.Errorf("the first page's highlight: %+v, %v", notes, err)
	}
}
