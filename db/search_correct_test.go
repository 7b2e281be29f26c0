package db_test

import (
	"context"
	"fmt"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

// spellingLibrary holds "government" and "minister" in twelve articles
// each, "monster" in six, a governess in one and Vladivostok, spelled
// right but rare, in one.
func spellingLibrary(t *testing.T) *db.Store {
	t.Helper()
	s := dbtest.Open(t)
	for i := range 12 {
		importOne(t, s, db.NewArticle{Title: fmt.Sprintf("Budget %d", i), Body: fmt.Sprintf("The government cut fuel duty in year %d.", i)})
	}
	importOne(t, s, db.NewArticle{Title: "A novel", Body: "The governess walked to the harbour."})
	for i := range 12 {
		importOne(t, s, db.NewArticle{Title: fmt.Sprintf("Cabinet %d", i), Body: fmt.Sprintf("The minister spoke on day %d.", i)})
	}
	for i := range 6 {
		importOne(t, s, db.NewArticle{Title: fmt.Sprintf("Film %d", i), Body: fmt.Sprintf("Monster film number %d opened.", i)})
	}
	importOne(t, s, db.NewArticle{Title: "Summit", Body: "The leaders met in Vladivostok."})
	return s
}

func TestSearchOffersTheLibrarysSpelling(t *testing.T) {
	s := spellingLibrary(t)
	ctx := context.Background()
	tests := []struct {
		query, want string
		total       int
	}{
		{"goverment", "government", 12},
		{"fuel goverment", "fuel government", 12},
		{"Govermnent duty", "government duty", 12},
		{"minster", "minister", 12},   // one edit from monster too, but minister is the library's word
		{"goverment tag:none", "", 0}, // the respelled search finds nothing either: nothing offered
		{"government", "", 0},
		{"vladivostok", "", 0}, // rare but spelled as the library spells it
		{"governess", "", 0},
		{"gov*", "", 0},
		{`"goverment cut"`, "", 0},
		{"xqzvw", "", 0},
		{"'; DROP TABLE articles", "", 0},
	}
	for _, tt := range tests {
		res, err := s.Search(ctx, db.SearchRequest{Query: tt.query})
		if err != nil {
			t.Fatalf("%q: %v", tt.query, err)
		}
		got := ""
		if res.Correction != nil {
			got = res.Correction.Query
			if res.Correction.Total != tt.total {
				t.Errorf("%q: the correction finds %d, want %d", tt.query, res.Correction.Total, tt.total)
			}
		}
		if got != tt.want {
			t.Errorf("%q: did you mean %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestSearchWhileTypingLeavesTheLastWordAlone(t *testing.T) {
	s := spellingLibrary(t)
	res, err := s.Search(context.Background(), db.SearchRequest{Query: "goverment", Typing: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Correction != nil {
		t.Errorf("the word being typed was respelled: %+v", res.Correction)
	}
	res, err = s.Search(context.Background(), db.SearchRequest{Query: "goverment fu", Typing: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Correction == nil || res.Correction.Query != "government fu" {
		t.Errorf("the finished word was not respelled: %+v", res.Correction)
	}
}
