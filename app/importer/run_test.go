package importer_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio/app/export"
	"folio/app/importer"
	"folio/db"
	"folio/db/dbtest"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t *testing.T, s *db.Store, opts importer.Options, paths ...string) importer.Report {
	t.Helper()
	exp := importer.Expand(paths)
	defer exp.Close()
	return importer.Run(context.Background(), s, exp.Sources, opts)
}

func statuses(rep importer.Report) map[string]string {
	out := map[string]string{}
	for _, r := range rep.Results {
		out[filepath.Base(r.Path)] = r.Status
	}
	return out
}

func TestRunImportsAFolderAndReportsEachFile(t *testing.T) {
	s := dbtest.Open(t)
	dir := t.TempDir()
	write(t, dir, "news/a.txt", "First title\n\nFirst body text.")
	write(t, dir, "news/b.txt", " date 2023-09-15 Second body. More.")
	write(t, dir, "news/copy-of-a.txt", "FIRST title\n\nFirst   body text.\n")
	write(t, dir, "news/empty.txt", "")
	write(t, dir, "news/picture.png", "not imported")
	write(t, dir, "news/.hidden.txt", "hidden")
	write(t, dir, "news/sub/c.txt", "Third title\n\nThird body.")
	var last importer.Progress
	rep := run(t, s, importer.Options{FolderTags: true, Progress: func(p importer.Progress) { last = p }}, filepath.Join(dir, "news"))

	want := map[string]string{"a.txt": "imported", "b.txt": "imported", "copy-of-a.txt": "duplicate",
		"empty.txt": "failed", "picture.png": "skipped", ".hidden.txt": "skipped", "c.txt": "imported"}
	got := statuses(rep)
	for name, status := range want {
		if got[name] != status {
			t.Errorf("%s: %s, want %s", name, got[name], status)
		}
	}
	if rep.Imported != 3 || rep.Duplicates != 1 || rep.Failed != 1 || rep.Skipped != 2 {
		t.Errorf("counts = %+v", rep.Counts)
	}
	if last.FilesDone != 7 || last.FilesTotal != 7 {
		t.Errorf("last progress = %+v, want 7 of 7 files", last)
	}
	page, _ := s.ListArticles(context.Background(), db.ArticleFilter{Sort: db.SortTitle})
	if page.Total != 3 {
		t.Fatalf("%d articles stored, want 3", page.Total)
	}
	for _, a := range page.Articles {
		if a.Title == "Third title" && (len(a.Tags) != 1 || a.Tags[0].Name != "news/sub") {
			t.Errorf("folder tag of sub/c.txt = %v, want news/sub", a.Tags)
		}
	}
	// Importing the folder again adds nothing.
	again := run(t, s, importer.Options{}, filepath.Join(dir, "news"))
	if again.Imported != 0 || again.Duplicates != 4 {
		t.Errorf("re-import: %+v, want 0 imported and 4 duplicates", again.Counts)
	}
}

func TestRunReportsVanishedAndUnreadableFiles(t *testing.T) {
	s := dbtest.Open(t)
	dir := t.TempDir()
	ok := write(t, dir, "ok.txt", "Fine\n\nA fine article.")
	locked := write(t, dir, "locked.txt", "Locked\n\nCannot read me.")
	os.Chmod(locked, 0)
	rep := run(t, s, importer.Options{}, ok, filepath.Join(dir, "gone.txt"), locked)
	got := statuses(rep)
	if got["ok.txt"] != "imported" || got["gone.txt"] != "failed" {
		t.Errorf("statuses = %v", got)
	}
	if os.Geteuid() != 0 && got["locked.txt"] != "failed" {
		t.Errorf("an unreadable file: %s, want failed", got["locked.txt"])
	}
	for _, r := range rep.Results {
		if r.Status == "failed" && r.Error == "" {
			t.Errorf("%s failed without a reason", r.Path)
		}
	}
}

func TestRunAttachesAnExportedAnnotationFileDroppedWithItsArticle(t *testing.T) {
	// A library with one highlighted article, exported as W3C JSON.
	first := dbtest.Open(t)
	dir := t.TempDir()
	article := write(t, dir, "ferry.txt", "Ferry to Gozo\n\nThe ferry starts running in spring. Fares are low.")
	rep := run(t, first, importer.Options{}, article)
	id := rep.Results[0].ID
	ctx := context.Background()
	if _, err := first.AddHighlight(ctx, id, 4, 9, "green", "the boat"); err != nil {
		t.Fatal(err)
	}
	arts, err := first.AnnotatedArticles(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	data, err := export.Bytes("json", arts)
	if err != nil {
		t.Fatal(err)
	}
	notes := write(t, dir, "highlights.json", string(data))

	// Both dropped together on a fresh library: the article, then its highlight.
	second := dbtest.Open(t)
	rep = run(t, second, importer.Options{}, notes, article)
	got := statuses(rep)
	if got["highlights.json"] != importer.StatusAnnotations || got["ferry.txt"] != "imported" || rep.Annotations != 1 {
		t.Fatalf("statuses %v, annotations %d", got, rep.Annotations)
	}
	list, err := second.ArticleAnnotations(ctx, rep.Results[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Exact != "ferry" || list[0].Note != "the boat" || list[0].Color != "green" {
		t.Errorf("annotations after the drop = %+v", list)
	}
}

func TestRunReportsABadItemOfAJSONListAndStoresTheRest(t *testing.T) {
	s := dbtest.Open(t)
	dir := t.TempDir()
	list := write(t, dir, "list.json", `[{"title":"One","body":"First article."},{"title":"Two"},{"title":"Three","body":"Third article."}]`)
	rep := run(t, s, importer.Options{}, list)
	if len(rep.Results) != 3 || rep.Imported != 2 || rep.Failed != 1 {
		t.Fatalf("results = %+v", rep.Results)
	}
	bad := rep.Results[1]
	if bad.Status != "failed" || bad.Error == "" || !strings.HasSuffix(bad.Path, "list.json#2") {
		t.Errorf("the bad item: %+v", bad)
	}
	if rep.Results[2].Status != "imported" || rep.Results[2].Title != "Three" {
		t.Errorf("the item after the bad one: %+v", rep.Results[2])
	}
}

func TestUploadedFolderFilesGetTheirFolderAsTag(t *testing.T) {
	s := dbtest.Open(t)
	exp := &importer.Expansion{}
	exp.AddUpload("news/energy/diesel.txt", []byte("Diesel\n\nShipments rose."))
	exp.AddUpload("loose.txt", []byte("Loose\n\nNo folder here."))
	rep := importer.Run(context.Background(), s, exp.Sources, importer.Options{FolderTags: true})
	if rep.Imported != 2 {
		t.Fatalf("report = %+v", rep.Counts)
	}
	a, _ := s.GetArticle(context.Background(), rep.Results[0].ID)
	if len(a.Tags) != 1 || a.Tags[0].Name != "news/energy" {
		t.Errorf("tags of a folder's file = %v, want news/energy", a.Tags)
	}
	b, _ := s.GetArticle(context.Background(), rep.Results[1].ID)
	if len(b.Tags) != 0 {
		t.Errorf("a loose file got tags %v", b.Tags)
	}
}

// batchRecorder stores through a real library and records the text size of
// every batch it is given.
type batchRecorder struct {
	*db.Store
	sizes []int
}

func (b *batchRecorder) ImportArticles(ctx context.Context, batch []db.NewArticle) ([]db.ImportOutcome, error) {
	n := 0
	for _, a := range batch {
		n += len(a.Body) + len(a.HTML)
	}
	b.sizes = append(b.sizes, n)
	return b.Store.ImportArticles(ctx, batch)
}

// Batches are bounded by bytes as well as by articles: a batch is stored
// once it holds BatchBytes, so none holds more than that and one file.
func TestRunBoundsBatchesByBytes(t *testing.T) {
	s := &batchRecorder{Store: dbtest.Open(t)}
	dir := t.TempDir()
	const files, size, limit = 12, 40_000, 100_000
	for i := range files {
		write(t, dir, fmt.Sprintf("%02d.txt", i), fmt.Sprintf("Title %d\n\n%s", i, strings.Repeat(fmt.Sprintf("word%d ", i), size/6)))
	}
	exp := importer.Expand([]string{dir})
	defer exp.Close()
	rep := importer.Run(context.Background(), s, exp.Sources, importer.Options{BatchSize: 1000, BatchBytes: limit})
	if rep.Imported != files {
		t.Fatalf("%d imported, want %d: %+v", rep.Imported, files, rep.Results)
	}
	if len(s.sizes) < 3 {
		t.Errorf("%d batches of %v bytes; want the files split by size", len(s.sizes), s.sizes)
	}
	for _, n := range s.sizes {
		if n >= limit+size {
			t.Errorf("a batch of %d bytes, over %d and one file", n, limit)
		}
	}
	for i, r := range rep.Results { // still in file order
		if want := fmt.Sprintf("%02d.txt", i); filepath.Base(r.Path) != want || r.ID != int64(i+1) {
			t.Errorf("result %d: %s id %d, want %s id %d", i, r.Path, r.ID, want, i+1)
		}
	}
}

// Files larger than a batch's bytes, each alone over the limit, are all
// stored: with room to read ahead for one file only, the budget of bytes
// never stops the writer.
func TestRunStoresFilesLargerThanABatch(t *testing.T) {
	s := dbtest.Open(t)
	dir := t.TempDir()
	for i := range 8 {
		write(t, dir, fmt.Sprintf("%d.txt", i), fmt.Sprintf("Title %d\n\n%s", i, strings.Repeat(fmt.Sprintf("text%d ", i), 5000)))
	}
	rep := run(t, s, importer.Options{BatchBytes: 1, Workers: 3}, dir)
	if rep.Imported != 8 || rep.Cancelled {
		t.Fatalf("%d imported, cancelled %v", rep.Imported, rep.Cancelled)
	}
}
