package db_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

// relatedLibrary stores articles on three subjects (elections, football,
// broadband) and returns their ids by key.
func relatedLibrary(t *testing.T) (*db.Store, fixture) {
	t.Helper()
	s := dbtest.Open(t)
	list := []struct{ key, title, body string }{
		{"vote1", "Labour wins the general election", "Voters returned Labour to power in the general election. " +
			"The prime minister thanked voters; turnout rose and the Conservatives lost seats in parliament."},
		{"vote2", "Election campaign enters final week", "The Conservatives and Labour courted voters as the " +
			"general election campaign entered its final week. Parliament was dissolved and turnout is expected to rise."},
		{"vote3", "Turnout fears before the poll", "Party leaders fear a low turnout at the election. Voters say " +
			"parliament ignores them; Labour and the Conservatives promise reform of the voting system."},
		{"ball1", "Arsenal beat Chelsea in the cup", "Arsenal beat Chelsea two goals to one in the FA Cup. The striker " +
			"scored twice and the goalkeeper saved a penalty before the final whistle at the stadium."},
		{"ball2", "Chelsea manager praises his striker", "The Chelsea manager said his striker would score goals " +
			"in the league. The goalkeeper kept a clean sheet at the stadium and the penalty was missed."},
		{"net1", "Broadband speeds double", "Broadband providers doubled connection speeds for subscribers. " +
			"Fibre networks now reach most homes and the regulator welcomed faster internet."},
		{"net2", "Regulator reviews broadband prices", "The regulator will review what providers charge subscribers " +
			"for broadband. Fibre and internet connection prices fell last year as networks grew."},
	}
	ids := fixture{}
	for _, a := range list {
		ids[a.key] = importOne(t, s, db.NewArticle{Title: a.title, Body: a.body, Path: "/lib/" + a.key + ".txt"})
	}
	return s, ids
}

func TestRelatedArticlesAreOnTheSameSubject(t *testing.T) {
	s, ids := relatedLibrary(t)
	ctx := context.Background()
	got, err := s.RelatedArticles(ctx, ids["vote1"], 2)
	if err != nil {
		t.Fatal(err)
	}
	keys := ids.keys(relatedIDs(got))
	for i, r := range got {
		if len(r.Shared) == 0 {
			t.Errorf("%s: no shared words given as the reason", keys[i])
		}
		if r.Score <= 0 {
			t.Errorf("%s: score %v, want > 0", keys[i], r.Score)
		}
	}
	slices.Sort(keys)
	if !slices.Equal(keys, []string{"vote2", "vote3"}) {
		t.Errorf("related to vote1: %v, want the two other election articles", keys)
	}
	if got[0].Shared[0] == "the" || slices.Contains(got[0].Shared, "and") {
		t.Errorf("shared words %v: the most common words are not distinctive", got[0].Shared)
	}
}

func TestRelatedArticlesLeaveOutTheArticleAndTheTrash(t *testing.T) {
	s, ids := relatedLibrary(t)
	ctx := context.Background()
	if err := s.TrashArticles(ctx, []int64{ids["vote3"]}); err != nil {
		t.Fatal(err)
	}
	got, err := s.RelatedArticles(ctx, ids["vote1"], 10)
	if err != nil {
		t.Fatal(err)
	}
	keys := ids.keys(relatedIDs(got))
	if len(keys) == 0 || keys[0] != "vote2" || slices.Contains(keys, "vote1") || slices.Contains(keys, "vote3") {
		t.Errorf("related to vote1: %v, want vote2 first, and neither vote1 nor the trashed vote3", keys)
	}
}

func TestRelatedArticlesOfAMissingArticle(t *testing.T) {
	s, _ := relatedLibrary(t)
	_, err := s.RelatedArticles(context.Background(), 999, 5)
	if !errors.Is(err, db.ErrNotFound) {
		t.Errorf("got %v, want ErrNotFound", err)
	}
}

// An article whose words no other article holds has no related articles,
// and that is not an error.
func TestRelatedArticlesOfAnArticleLikeNoOther(t *testing.T) {
	s, _ := relatedLibrary(t)
	id := importOne(t, s, db.NewArticle{Title: "Xylophones", Body: "Zymurgy quokka.", Path: "/lib/odd.txt"})
	got, err := s.RelatedArticles(context.Background(), id, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Errorf("got %d related articles, want none", len(got))
	}
}

func relatedIDs(list []db.RelatedArticle) []int64 {
	ids := make([]int64, len(list))
	for i, r := range list {
		ids[i] = r.Article.ID
	}
	return ids
}

func TestSearchTimelineGroupsByWeek(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	for i, a := range []db.NewArticle{
		{Title: "Ferry strike begins", Published: "2024-03-04", Body: "The ferry strike began on Monday."},     // a Monday
		{Title: "Ferry strike spreads", Published: "2024-03-10", Body: "The ferry strike spread to the port."}, // Sunday, same week
		{Title: "Ferry strike ends", Published: "2024-03-11", Body: "Ferry crews ended the strike."},
		{Title: "Ferry history", Body: "An undated history of the ferry and an old strike."},
		{Title: "Bus fares", Published: "2024-03-05", Body: "Bus fares rise."},
	} {
		a.Path = fmt.Sprintf("/lib/%d.txt", i)
		importOne(t, s, a)
	}
	tl, err := s.SearchTimeline(ctx, "ferry strike")
	if err != nil {
		t.Fatal(err)
	}
	if tl.Total != 4 || tl.Undated != 1 || len(tl.Weeks) != 2 {
		t.Fatalf("timeline %+v: want 4 articles, 1 undated, 2 weeks", tl)
	}
	if tl.Weeks[0].Week != "2024-03-04" || tl.Weeks[0].Count != 2 || tl.Weeks[1].Week != "2024-03-11" || tl.Weeks[1].Count != 1 {
		t.Errorf("weeks %+v, want 2024-03-04 ×2 then 2024-03-11 ×1", tl.Weeks)
	}
	if len(tl.Weeks[0].Best) != 2 || len(tl.Weeks[1].Best) != 1 {
		t.Errorf("the best-ranked are not all named: %+v", tl.Weeks)
	}
}
