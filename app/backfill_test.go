package app_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"folio/app"
	"folio/db"
)

// changeHost tells, on a channel, when the library changed.
type changeHost struct {
	libraryHost
	changed chan struct{}
}

func (h *changeHost) Emit(name string, data any) {
	h.libraryHost.Emit(name, data)
	if name == app.EventLibraryChanged {
		select {
		case h.changed <- struct{}{}:
		default:
		}
	}
}

// The window groups the versions of articles stored before versions were
// found in the background, and says the library changed when it is done.
func TestFindOlderVersions(t *testing.T) {
	ctx := context.Background()
	s, err := db.Open(ctx, filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	body := "The harbour authority confirmed on Tuesday that the northern ferry terminal will close for " +
		"six weeks of repairs to its loading ramps, which were damaged in the January storms. " +
		"Passengers travelling to the island will be directed to the southern quay, where extra staff and " +
		"a temporary waiting hall are being set up before the Easter holidays begin. The ferry operator " +
		"said crossing times would not change but warned of longer queues for vehicles."
	out, err := s.ImportArticles(ctx, []db.NewArticle{
		{Title: "Terminal to close", Body: body, Published: "2024-03-01"},
		{Title: "Terminal to close", Body: body + " Update: it reopens in May.", Published: "2024-03-02"},
	})
	if err != nil {
		t.Fatal(err)
	}
	// As an older Folio left them: no signatures, no stories.
	for _, stmt := range []string{`DELETE FROM article_signatures`, `DELETE FROM signature_bands`,
		`UPDATE articles SET story_id = NULL`, `UPDATE versions_backfill SET next_id = 1, end_id = (SELECT max(id) FROM articles)`} {
		if _, err := s.DB().ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	h := &changeHost{changed: make(chan struct{}, 1)}
	a := app.New(s, h, "desktop")
	t.Cleanup(func() { app.CloseLibrary(a) })
	if v, err := a.ArticleVersions(out[1].ID); err != nil || len(v) != 1 {
		t.Fatalf("before: %d versions, %v", len(v), err)
	}
	run, stop := context.WithCancel(ctx)
	defer stop()
	app.FindOlderVersions(run, a)
	select {
	case <-h.changed:
	case <-time.After(time.Minute):
		t.Fatal("no library:changed after finding the versions of older articles")
	}
	if v, err := a.ArticleVersions(out[1].ID); err != nil || len(v) != 2 || v[0].ID != out[0].ID {
		t.Errorf("after: versions %v, %v; want both, the first first", v, err)
	}
}
