package db_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"folio/db"
)

// oldStoryLibrary stores, at schema 9 (before versions were found), two
// versions of a story apart from each other, with other articles between
// them, and returns the library's path and the ids.
func oldStoryLibrary(t *testing.T) (string, fixture) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	old, err := db.OpenAtVersion(ctx, path, 9)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	ids := fixture{}
	ids["first"] = importOld(t, old, db.NewArticle{Title: "Northern ferry terminal to close for repairs",
		Published: "2024-03-01", Body: storyBody, Path: "/lib/first.txt"})
	for i, w := range []string{"budget", "election", "football", "museum", "weather"} {
		ids[w] = importOld(t, old, db.NewArticle{Title: "Report on the " + w, Published: "2024-02-0" + string(rune('1'+i)),
			Body: strings.Repeat("A plain article about the "+w+" with words of its own, number "+string(rune('a'+i))+". ", 3),
			Path: "/lib/" + w + ".txt"})
	}
	ids["second"] = importOld(t, old, db.NewArticle{Title: "Northern ferry terminal to close for repairs",
		Published: "2024-03-02", Path: "/lib/second.txt",
		Body: strings.Replace(storyBody, "six weeks", "seven weeks", 1) + "\n\nUpdate: it should reopen on 12 May."})
	return path, ids
}

// Articles stored before versions were found are signed and grouped in
// the background, a batch at a time, going on where they stopped; an
// older article becomes the first version of a story found since.
func TestFillVersionsForAnOlderLibrary(t *testing.T) {
	defer db.SetVersionsBatchForTest(2)()
	ctx := context.Background()
	path, ids := oldStoryLibrary(t)
	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	// A copy imported now is signed, but finds nothing to be grouped with.
	ids["third"] = importOne(t, s, db.NewArticle{Title: "Northern ferry terminal to close for repairs",
		Published: "2024-03-03", Path: "/lib/third.txt",
		Body: strings.Replace(storyBody, "January storms", "winter storms", 1)})
	if v, err := s.ArticleVersions(ctx, ids["third"]); err != nil || len(v) != 1 {
		t.Fatalf("before: the new copy has versions %v, %v", summaryIDs(v), err)
	}
	p, err := s.VersionsProgress(ctx)
	if err != nil || p.Ready || p.Done != 0 || p.Total != len(ids)-1 {
		t.Fatalf("before: %+v, %v; want 0 of %d done", p, err, len(ids)-1)
	}
	// Stopped after the first batch, as a closed window would stop it.
	stop, cancel := context.WithCancel(ctx)
	err = s.FillVersions(stop, func(db.VersionsProgress) { cancel() })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("a stopped fill: %v", err)
	}
	if p, _ = s.VersionsProgress(ctx); p.Done != 2 || p.Ready {
		t.Errorf("after one batch: %+v, want 2 done", p)
	}
	s.Close()
	s, err = db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var seen []db.VersionsProgress
	if err := s.FillVersions(ctx, func(p db.VersionsProgress) { seen = append(seen, p) }); err != nil {
		t.Fatal(err)
	}
	if len(seen) == 0 || !seen[len(seen)-1].Ready || seen[len(seen)-1].Done != len(ids)-1 {
		t.Errorf("progress after a restart: %+v", seen)
	}
	versions, err := s.ArticleVersions(ctx, ids["third"])
	if err != nil || strings.Join(ids.keys(summaryIDs(versions)), ",") != "first,second,third" {
		t.Errorf("versions of the new copy: %v, %v; want first,second,third", ids.keys(summaryIDs(versions)), err)
	}
	// The story is the first version's: the counts go by its month.
	var heads int
	if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE story_id = ?`, ids["first"]).Scan(&heads); err != nil || heads != 3 {
		t.Errorf("%d articles have the first version as their story (%v), want 3", heads, err)
	}
	listed := viewRows(t, s, db.ViewAll, "after filling")
	if len(listed) != len(ids)-2 || !strings.Contains(strings.Join(ids.keys(listed), ","), "first") {
		t.Errorf("the list after filling: %v, want the story once, as its first version", ids.keys(listed))
	}
	hits, total := searchHits(t, s, "northern ferry terminal")
	if total != 1 || len(hits) != 1 || hits[0].Article.Versions != 3 {
		t.Errorf("search after filling: total %d, %d hits; want the story once with 3 versions", total, len(hits))
	}
	// A copy imported after the fill is grouped with them.
	fourth := importOne(t, s, db.NewArticle{Title: "Northern ferry terminal to close for repairs",
		Published: "2024-03-04", Path: "/lib/fourth.txt", Body: storyBody + "\n\nThe works began on Monday."})
	if v, err := s.ArticleVersions(ctx, fourth); err != nil || len(v) != 4 {
		t.Errorf("a copy imported after the fill: %d versions, %v; want 4", len(v), err)
	}
}

// A library whose signatures are gone (as after a change of the
// signature's form) is signed again when the fill is started over.
func TestFillVersionsSignsWhatHasNoSignature(t *testing.T) {
	s, ids := storyLibrary(t)
	ctx := context.Background()
	for _, stmt := range []string{
		`DELETE FROM article_signatures`, `DELETE FROM signature_bands`, `UPDATE articles SET story_id = NULL`,
		`UPDATE versions_backfill SET next_id = 1, end_id = (SELECT max(id) FROM articles)`,
	} {
		if _, err := s.DB().ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	if v, err := s.ArticleVersions(ctx, ids["second"]); err != nil || len(v) != 1 {
		t.Fatalf("before: versions %v, %v", summaryIDs(v), err)
	}
	if err := s.FillVersions(ctx, nil); err != nil {
		t.Fatal(err)
	}
	versions, err := s.ArticleVersions(ctx, ids["second"])
	if err != nil || strings.Join(ids.keys(summaryIDs(versions)), ",") != "first,second" {
		t.Errorf("versions after filling: %v, %v; want first,second", ids.keys(summaryIDs(versions)), err)
	}
	if v, _ := s.ArticleVersions(ctx, ids["apart"]); len(v) != 1 {
		t.Errorf("the article on the same subject was grouped: %v", ids.keys(summaryIDs(v)))
	}
	viewRows(t, s, db.ViewAll, "after filling")
}
