package db_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

const storyBody = "The harbour authority confirmed on Tuesday that the northern ferry terminal will close for " +
	"six weeks of repairs to its loading ramps, which were damaged in the January storms.\n\n" +
	"Passengers travelling to the island will be directed to the southern quay, where extra staff and " +
	"a temporary waiting hall are being set up before the Easter holidays begin.\n\n" +
	"The ferry operator said crossing times would not change but warned of longer queues for vehicles, " +
	"and advised drivers to book ahead and arrive at least forty minutes before departure.\n\n" +
	"Local traders welcomed the repairs but asked the authority to publish a firm reopening date so that " +
	"shops near the northern terminal can plan for the summer season."

// storyLibrary stores an article, then a version of it with a word
// changed, a paragraph added and site boilerplate around it, and an
// article on the same subject written apart.
func storyLibrary(t *testing.T) (*db.Store, fixture) {
	t.Helper()
	s, ids := relatedLibrary(t)
	ids["first"] = importOne(t, s, db.NewArticle{Title: "Northern ferry terminal to close for repairs",
		Published: "2024-03-01", Body: storyBody, Path: "/lib/first.txt"})
	updated := strings.Replace(storyBody, "six weeks", "seven weeks", 1) +
		"\n\nUpdate: the authority has since said the terminal should reopen on 12 May."
	ids["second"] = importOne(t, s, db.NewArticle{Title: "Northern ferry terminal to close for repairs",
		Published: "2024-03-02", Path: "/lib/second.html",
		Body: "Home | News | Sport | Weather | Sign in\n\n" + updated + "\n\nShare this article. Advertisement. © Coast Daily"})
	ids["apart"] = importOne(t, s, db.NewArticle{Title: "Ferry queues expected at the southern quay",
		Published: "2024-03-03", Path: "/lib/apart.txt",
		Body: "Drivers heading to the island face long waits at the southern quay this spring, the ferry operator " +
			"warned, after the northern terminal shut for ramp repairs. Staff will direct vehicles to a temporary lane."})
	return s, ids
}

func TestAVersionIsGroupedWithTheFirst(t *testing.T) {
	s, ids := storyLibrary(t)
	ctx := context.Background()
	versions, err := s.ArticleVersions(ctx, ids["second"])
	if err != nil {
		t.Fatal(err)
	}
	got := ids.keys(summaryIDs(versions))
	if strings.Join(got, ",") != "first,second" {
		t.Errorf("versions of second: %v, want first,second (the first imported first)", got)
	}
	for _, v := range versions {
		if v.Versions != 2 {
			t.Errorf("%s: Versions = %d, want 2", ids.keys([]int64{v.ID})[0], v.Versions)
		}
	}
	alone, err := s.ArticleVersions(ctx, ids["apart"])
	if err != nil {
		t.Fatal(err)
	}
	if len(alone) != 1 || alone[0].ID != ids["apart"] || alone[0].Versions != 1 {
		t.Errorf("an article on the same subject written apart: %v, want itself alone", ids.keys(summaryIDs(alone)))
	}
}

func TestRelatedArticlesLeaveOutOtherVersions(t *testing.T) {
	s, ids := storyLibrary(t)
	got, err := s.RelatedArticles(context.Background(), ids["first"], 10)
	if err != nil {
		t.Fatal(err)
	}
	keys := ids.keys(relatedIDs(got))
	if len(keys) == 0 || keys[0] != "apart" || strings.Contains(strings.Join(keys, ","), "second") {
		t.Errorf("related to first: %v, want apart first and not its version second", keys)
	}
}

func TestVersionDiffShowsWhatChanged(t *testing.T) {
	s, ids := storyLibrary(t)
	parts, err := s.VersionDiff(context.Background(), ids["first"], ids["second"])
	if err != nil {
		t.Fatal(err)
	}
	var added, removed, older, newer strings.Builder
	for _, p := range parts {
		switch p.Op {
		case db.DiffAdded:
			added.WriteString(p.Text)
			newer.WriteString(p.Text)
		case db.DiffRemoved:
			removed.WriteString(p.Text)
			older.WriteString(p.Text)
		default:
			older.WriteString(p.Text)
			newer.WriteString(p.Text)
		}
	}
	if strings.TrimSpace(removed.String()) != "six" {
		t.Errorf("removed %q, want only \"six\"", removed.String())
	}
	for _, want := range []string{"seven", "reopen on 12 May", "Advertisement", "Sign in"} {
		if !strings.Contains(added.String(), want) {
			t.Errorf("added %q lacks %q", added.String(), want)
		}
	}
	first, _ := s.GetArticle(context.Background(), ids["first"])
	if strings.Join(strings.Fields(older.String()), " ") != strings.Join(strings.Fields(first.Title+" "+first.Body), " ") {
		t.Errorf("the diff's older side is not the first version's text")
	}
	if !strings.HasSuffix(newer.String(), "© Coast Daily") {
		t.Errorf("the diff's newer side ends %q", newer.String()[max(0, newer.Len()-20):])
	}
}

func TestVersionsOfAMissingArticle(t *testing.T) {
	s, _ := storyLibrary(t)
	if _, err := s.ArticleVersions(context.Background(), 999); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("got %v, want not found", err)
	}
}

func summaryIDs(list []db.ArticleSummary) []int64 {
	ids := make([]int64, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	return ids
}

// Versions in the same batch are grouped too, and a third copy joins the
// first's story, not the second's.
func TestVersionsInOneBatch(t *testing.T) {
	s, _ := relatedLibrary(t)
	ctx := context.Background()
	batch := []db.NewArticle{
		{Title: "Terminal to close", Body: storyBody, Path: "/b/1.txt"},
		{Title: "Terminal to close", Body: storyBody + "\n\nUpdated at noon.", Path: "/b/2.txt"},
		{Title: "Terminal to close", Body: "Advertisement\n\n" + storyBody + "\n\nUpdated again in the evening.", Path: "/b/3.txt"},
	}
	out, err := s.ImportArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	versions, err := s.ArticleVersions(ctx, out[2].ID)
	if err != nil {
		t.Fatal(err)
	}
	got := summaryIDs(versions)
	want := []int64{out[0].ID, out[1].ID, out[2].ID}
	if len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("versions %v, want %v", got, want)
	}
}

// The list shows a story once, as its first version, and its counts (the
// total, the views, the month headers) agree with the rows whatever
// happens to the versions.
func TestTheListShowsAStoryOnce(t *testing.T) {
	s, ids := storyLibrary(t)
	ctx := context.Background()
	check := func(when string, wantAll int) {
		t.Helper()
		page, err := s.ListArticles(ctx, db.ArticleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		counts, err := s.ViewCounts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		months, err := s.MonthGroups(ctx, db.ViewAll, db.SortNewest)
		if err != nil {
			t.Fatal(err)
		}
		inMonths := 0
		for _, m := range months {
			inMonths += m.Count
		}
		if page.Total != wantAll || len(page.Articles) != wantAll || counts.All != wantAll || inMonths != wantAll {
			t.Errorf("%s: list total %d, rows %d, All %d, months %d; want %d", when, page.Total, len(page.Articles),
				counts.All, inMonths, wantAll)
		}
		for _, a := range page.Articles {
			if a.ID == ids["second"] {
				t.Errorf("%s: the later version is a row of its own", when)
			}
		}
	}
	all := len(ids) - 1 // second is shown as first's row
	check("after import", all)
	if err := s.SetStarred(ctx, []int64{ids["second"]}, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRead(ctx, []int64{ids["second"]}, true); err != nil {
		t.Fatal(err)
	}
	check("after starring and reading the later version", all)
	if err := s.TrashArticles(ctx, []int64{ids["second"], ids["vote1"]}); err != nil {
		t.Fatal(err)
	}
	check("after trashing the later version and another", all-1)
	if _, err := s.EmptyTrash(ctx); err != nil {
		t.Fatal(err)
	}
	check("after emptying the Trash", all-1)
	counts, err := s.ViewCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts.Trash != 0 || counts.Starred != 0 {
		t.Errorf("after emptying the Trash: %+v", counts)
	}
}

// A text too short to tell a version from another article written to the
// same pattern is never grouped, so it is filed under no band: the import
// spends no lookup and no band rows on it.
func TestShortTextsAreNotFiledUnderBands(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	short := "Markets closed higher on Friday after a quiet week of trading in London."
	out, err := s.ImportArticles(ctx, []db.NewArticle{
		{Title: "Markets", Body: short, Path: "/s/1.txt"},
		{Title: "Markets", Body: short + " Oil fell.", Path: "/s/2.txt"},
		{Title: "Terminal to close", Body: storyBody, Path: "/s/3.txt"},
	})
	if err != nil {
		t.Fatal(err)
	}
	versions, err := s.ArticleVersions(ctx, out[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(versions) > 1 {
		t.Errorf("two short texts grouped as versions: %v", summaryIDs(versions))
	}
	var shortBands, longBands int
	err = s.DB().QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE article_id != ?), count(*) FILTER (WHERE article_id = ?)
		FROM signature_bands`, out[2].ID, out[2].ID).Scan(&shortBands, &longBands)
	if err != nil {
		t.Fatal(err)
	}
	if shortBands != 0 || longBands == 0 {
		t.Errorf("band rows: %d of the short texts, %d of the long one", shortBands, longBands)
	}
}

// searchHits runs a search and returns its hits' ids and total.
func searchHits(t *testing.T, s *db.Store, input string) ([]db.SearchHit, int) {
	t.Helper()
	res, err := s.Search(context.Background(), db.SearchRequest{Query: input})
	if err != nil {
		t.Fatalf("search %q: %v", input, err)
	}
	return res.Hits, res.Total
}

// A search shows a story once, as the list does: the version it ranks
// first stands for it, with its "N versions", and the total counts it
// once.
func TestSearchShowsAStoryOnce(t *testing.T) {
	s, ids := storyLibrary(t)
	ctx := context.Background()
	hits, total := searchHits(t, s, "northern terminal repairs")
	var got []string
	for _, h := range hits {
		got = append(got, ids.keys([]int64{h.Article.ID})[0])
		if h.Article.ID == ids["first"] && h.Article.Versions != 2 {
			t.Errorf("the story's hit: Versions = %d, want 2", h.Article.Versions)
		}
	}
	if strings.Count(strings.Join(got, ","), "first")+strings.Count(strings.Join(got, ","), "second") != 1 ||
		total != len(hits) {
		t.Errorf("northern terminal repairs: hits %v, total %d; want the story once and a total of the hits", got, total)
	}
	// Both versions match; only the second holds all the words, so it
	// ranks first and stands for the story.
	hits, _ = searchHits(t, s, "ferry seven")
	if len(hits) == 0 || hits[0].Article.ID != ids["second"] {
		t.Fatalf("ferry seven: first hit %v, want the second version", hits)
	}
	for _, h := range hits[1:] {
		if h.Article.ID == ids["first"] {
			t.Errorf("ferry seven: the first version is listed beside the second")
		}
	}
	listed, err := s.SearchArticleIDs(ctx, "northern terminal repairs")
	if err != nil {
		t.Fatal(err)
	}
	if len(listed) != total {
		t.Errorf("SearchArticleIDs: %d ids, the search's total is %d", len(listed), total)
	}
	timeline, err := s.SearchTimeline(ctx, "northern terminal repairs")
	if err != nil {
		t.Fatal(err)
	}
	strict, err := s.ArticleIDsWithAllWords(ctx, "northern terminal repairs")
	if err != nil {
		t.Fatal(err)
	}
	if timeline.Total != len(strict) || slices.Contains(strict, ids["second"]) == slices.Contains(strict, ids["first"]) {
		t.Errorf("the search's timeline counts %d, the articles with all the words are %v; want the story once in both",
			timeline.Total, ids.keys(strict))
	}
}

// A story whose first version is in the Trash is found, and listed,
// through its next version.
func TestATrashedFirstVersionHidesNothing(t *testing.T) {
	s, ids := storyLibrary(t)
	ctx := context.Background()
	if err := s.TrashArticles(ctx, []int64{ids["first"]}); err != nil {
		t.Fatal(err)
	}
	hits, _ := searchHits(t, s, "northern terminal repairs")
	found := false
	for _, h := range hits {
		switch h.Article.ID {
		case ids["first"]:
			t.Errorf("search finds the trashed first version")
		case ids["second"]:
			found = true
			if h.Article.Versions != 1 {
				t.Errorf("the second version's hit: Versions = %d, want 1 (the first is in the Trash)", h.Article.Versions)
			}
		}
	}
	if !found {
		t.Errorf("search does not find the story's second version once the first is in the Trash")
	}
}
