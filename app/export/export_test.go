package export_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"folio/app/export"
	"folio/db"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sample is two annotated articles covering every case the formats have:
// a multi-line quote, an emoji, notes and none, an orphan, article notes,
// an article without date or address.
func sample() []db.AnnotatedArticle {
	return []db.AnnotatedArticle{
		{
			ID: 7, Title: "Ferry link to Gozo", Source: "Malta Post", URL: "https://example.org/ferry",
			Published: "2023-09-15", ContentHash: strings.Repeat("ab", 32),
			Annotations: []db.Annotation{
				{ID: 1, ArticleID: 7, Kind: "highlight", Color: "yellow", Exact: "the new ferry to Gozo",
					Prefix: "said on Monday that ", Suffix: " will start in spring.", Start: 58, End: 79,
					CreatedAt: "2026-03-01T09:00:00Z", UpdatedAt: "2026-03-01T09:00:00Z",
					UID: "urn:uuid:6f1c2a4e-1d7b-4c1e-9a51-0c3f5b2d8e01"},
				{ID: 2, ArticleID: 7, Kind: "highlight", Color: "green", Note: "Fares are the story.\n\nAsk the *ministry*.",
					Exact: "Fares 👍 have not been announced.\n\nCritics warned", Prefix: "start in spring. ", Suffix: " that the harbour",
					Start: 101, End: 149, CreatedAt: "2026-03-01T09:05:00Z", UpdatedAt: "2026-03-02T10:00:00Z",
					UID: "urn:uuid:6f1c2a4e-1d7b-4c1e-9a51-0c3f5b2d8e02"},
				{ID: 3, ArticleID: 7, Kind: "highlight", Color: "pink", Note: "Gone from the new version.", Orphaned: true,
					Exact: "declined to comment", Prefix: "the company ", Suffix: " on the timetable", Start: 300, End: 319,
					CreatedAt: "2026-03-01T09:06:00Z", UpdatedAt: "2026-03-01T09:06:00Z",
					UID: "urn:uuid:6f1c2a4e-1d7b-4c1e-9a51-0c3f5b2d8e03"},
				{ID: 4, ArticleID: 7, Kind: "note", Note: "Compare with last year's timetable.",
					CreatedAt: "2026-03-01T09:10:00Z", UpdatedAt: "2026-03-01T09:10:00Z",
					UID: "urn:uuid:6f1c2a4e-1d7b-4c1e-9a51-0c3f5b2d8e04"},
				{ID: 5, ArticleID: 7, Kind: "note", Note: "- call the port\n- check the fares",
					CreatedAt: "2026-03-01T09:11:00Z", UpdatedAt: "2026-03-01T09:11:00Z",
					UID: "urn:uuid:6f1c2a4e-1d7b-4c1e-9a51-0c3f5b2d8e05"},
			},
		},
		{
			ID: 9, Title: "Budget  debate\nin the council", ContentHash: strings.Repeat("cd", 32),
			Annotations: []db.Annotation{
				{ID: 6, ArticleID: 9, Kind: "highlight", Color: "blue", Exact: "twelve percent", Prefix: "transport by ",
					Suffix: ".", Start: 40, End: 54, CreatedAt: "2026-03-03T08:00:00Z", UpdatedAt: "2026-03-03T08:00:00Z",
					UID: "urn:uuid:6f1c2a4e-1d7b-4c1e-9a51-0c3f5b2d8e06"},
			},
		},
	}
}

// golden compares got with testdata/name, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
	}
}

func TestMarkdownGolden(t *testing.T) {
	got, err := export.Bytes("md", sample())
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "sample.md", got)
}

func TestW3CGolden(t *testing.T) {
	got, err := export.Bytes("json", sample())
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "sample.json", got)
	var items []map[string]any
	if err := json.Unmarshal(got, &items); err != nil || len(items) != 6 {
		t.Fatalf("not an array of 6 annotations: %v", err)
	}
	for _, it := range items {
		if it["@context"] != "http://www.w3.org/ns/anno.jsonld" || it["type"] != "Annotation" {
			t.Errorf("item without the W3C context and type: %v", it)
		}
	}
}

func TestEmptyExports(t *testing.T) {
	for format, want := range map[string]string{"md": "", "json": "[]\n"} {
		got, err := export.Bytes(format, nil)
		if err != nil || string(got) != want {
			t.Errorf("%s of nothing: %q, %v; want %q", format, got, err, want)
		}
	}
	if _, err := export.Bytes("pdf", sample()); err == nil || !strings.Contains(err.Error(), `"pdf" is not an export format`) {
		t.Errorf("unknown format: err = %v", err)
	}
}

func TestParseReadsTheExportBack(t *testing.T) {
	data, err := os.ReadFile("testdata/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	records, err := export.ParseW3C(data)
	if err != nil {
		t.Fatal(err)
	}
	var want []export.Record
	for _, a := range sample() {
		for _, n := range a.Annotations {
			want = append(want, export.Record{UID: n.UID, ArticleHash: a.ContentHash, ArticleURL: a.URL,
				ArticleTitle: a.Title, ArticleRef: "urn:folio:article:sha256:" + a.ContentHash, Kind: n.Kind,
				Color: n.Color, Note: n.Note, Exact: n.Exact, Prefix: n.Prefix, Suffix: n.Suffix,
				Start: n.Start, End: n.End, CreatedAt: n.CreatedAt, UpdatedAt: n.UpdatedAt})
		}
	}
	if len(records) != len(want) {
		t.Fatalf("%d records, want %d", len(records), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(records[i], want[i]) {
			t.Errorf("record %d =\n %+v\nwant\n %+v", i, records[i], want[i])
		}
	}
}
