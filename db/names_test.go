package db_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

// The articles here are written for the tests.
var namedArticles = []db.NewArticle{
	{Title: "Blair visits Washington", Published: "2004-05-01",
		Body: "Prime Minister Tony Blair met officials in Washington on Monday. Mr Blair told reporters the U.S. and the UK agreed."},
	{Title: "Budget talks", Published: "2005-01-10",
		Body: "Chancellor Gordon Brown said the Bank of England would hold rates. Mr Brown spoke in London."},
	{Title: "Summit ends", Published: "2005-03-02",
		Body: "Tony Blair and Gordon Brown flew to Moscow, where the United States delegation waited."},
}

func namedLibrary(t *testing.T) (*db.Store, []int64) {
	t.Helper()
	s := dbtest.Open(t)
	var ids []int64
	for _, a := range namedArticles {
		ids = append(ids, importOne(t, s, a))
	}
	return s, ids
}

func countOf(list []db.NameCount, name string) int {
	for _, n := range list {
		if n.Name == name {
			return n.Count
		}
	}
	return 0
}

func TestNamesAreFoundAtImport(t *testing.T) {
	s, _ := namedLibrary(t)
	ctx := context.Background()
	list, err := s.ListNames(ctx, db.NameFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]int{"Tony Blair": 2, "Gordon Brown": 2, "United States": 2, "Bank of England": 1, "London": 1, "Moscow": 1} {
		if got := countOf(list, name); got != want {
			t.Errorf("%s: %d articles, want %d (list %+v)", name, got, want, list)
		}
	}
	people, err := s.ListNames(ctx, db.NameFilter{Kind: "person"})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range people {
		if n.Kind != "person" {
			t.Errorf("kind person listed %+v", n)
		}
	}
	if _, err := s.ListNames(ctx, db.NameFilter{Kind: "planet"}); err == nil {
		t.Error("an unknown kind was accepted")
	}
	inQuery, err := s.ListNames(ctx, db.NameFilter{Query: "budget"})
	if err != nil {
		t.Fatal(err)
	}
	if countOf(inQuery, "Gordon Brown") != 1 || countOf(inQuery, "Tony Blair") != 0 {
		t.Errorf("names of the articles about the budget: %+v", inQuery)
	}
}

func TestNameFiltersAndFacets(t *testing.T) {
	s, ids := namedLibrary(t)
	ctx := context.Background()
	for _, tt := range []struct {
		query string
		want  []int64
	}{
		{`person:"Tony Blair"`, []int64{ids[0], ids[2]}},
		{`person:blair`, []int64{ids[0], ids[2]}},
		{`place:us`, []int64{ids[0], ids[2]}},
		{`place:"U.S."`, []int64{ids[0], ids[2]}},
		{`org:"bank of england"`, []int64{ids[1]}},
		{`person:brown -place:moscow`, []int64{ids[1]}},
		{`person:nobody`, nil},
		{`person:"`, nil}, // searched as words: nothing has the word "person"
	} {
		got, err := s.SearchArticleIDs(ctx, tt.query)
		if err != nil {
			t.Errorf("%s: %v", tt.query, err)
			continue
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: found %v, want %v", tt.query, got, tt.want)
		}
	}
	res, err := s.Search(ctx, db.SearchRequest{Query: "moscow"})
	if err != nil {
		t.Fatal(err)
	}
	f := res.Facets
	if len(f.People) != 2 || len(f.Places) == 0 || f.Places[0].Count != 1 {
		t.Errorf("facets of moscow: people %+v, places %+v", f.People, f.Places)
	}
}

func TestRenameMergeAndHideNames(t *testing.T) {
	s, _ := namedLibrary(t)
	ctx := context.Background()
	list, _ := s.ListNames(ctx, db.NameFilter{Kind: "person"})
	id := func(name string) int64 {
		for _, n := range list {
			if n.Name == name {
				return n.ID
			}
		}
		t.Fatalf("%s not listed in %+v", name, list)
		return 0
	}
	blair, brown := id("Tony Blair"), id("Gordon Brown")
	renamed, err := s.RenameName(ctx, blair, "Anthony Blair")
	if err != nil || renamed.Name != "Anthony Blair" || renamed.Count != 2 {
		t.Fatalf("rename: %+v, %v", renamed, err)
	}
	// An article imported later that writes the old spelling gets the new name.
	importOne(t, s, db.NewArticle{Title: "Later", Body: "Tony Blair spoke again in Leeds on Friday."})
	if got, _ := s.SearchArticleIDs(ctx, `person:"anthony blair"`); len(got) != 3 {
		t.Errorf("after the rename and an import: %d articles, want 3", len(got))
	}
	merged, err := s.MergeNames(ctx, blair, []int64{brown})
	if err != nil || merged.Count != 4 {
		t.Errorf("merge: %+v, %v", merged, err)
	}
	if _, err := s.NameDetail(ctx, brown); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("merged name still there: %v", err)
	}
	hidden, err := s.HideName(ctx, blair, true)
	if err != nil || !hidden.Hidden {
		t.Fatalf("hide: %+v, %v", hidden, err)
	}
	res, _ := s.Search(ctx, db.SearchRequest{Query: ""})
	for _, p := range res.Facets.People {
		if p.Value == "Anthony Blair" {
			t.Error("a hidden name is in the facets")
		}
	}
	if got, _ := s.SearchArticleIDs(ctx, `person:"anthony blair"`); len(got) != 4 {
		t.Errorf("a hidden name's filter found %d articles, want 4", len(got))
	}
	places, _ := s.ListNames(ctx, db.NameFilter{Kind: "place"})
	if _, err := s.MergeNames(ctx, blair, []int64{places[0].ID}); err == nil {
		t.Error("a place merged into a person")
	}
	if _, err := s.RenameName(ctx, blair, "  "); err == nil {
		t.Error("an empty name was accepted")
	}
}

func TestArticleNames(t *testing.T) {
	s, ids := namedLibrary(t)
	list, err := s.ArticleNames(context.Background(), ids[2])
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range list {
		got = append(got, n.Kind+":"+n.Name)
	}
	want := []string{"person:Gordon Brown", "person:Tony Blair", "place:United States", "place:Moscow"}
	if !slices.Equal(got, want) {
		t.Errorf("names of the third article: %v, want %v", got, want)
	}
	if list, err := s.ArticleNames(context.Background(), 999); err != nil || len(list) != 0 {
		t.Errorf("an article that is not there: %v, %v", list, err)
	}
}

func TestNameDetail(t *testing.T) {
	s, ids := namedLibrary(t)
	ctx := context.Background()
	list, _ := s.ListNames(ctx, db.NameFilter{Kind: "person"})
	d, err := s.NameDetail(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Name.Count != 2 || len(d.Articles) != 2 || d.Articles[0].ID != ids[2] {
		t.Errorf("detail of %s: %+v", list[0].Name, d)
	}
	if len(d.Related) == 0 || d.Related[0].Count != 1 {
		t.Errorf("related names: %+v", d.Related)
	}
	if d.Name.Name != "Gordon Brown" || fmt.Sprint(d.Years) != "[{2005 2}]" {
		t.Errorf("%s: years %v, want Gordon Brown's [{2005 2}]", d.Name.Name, d.Years)
	}
}

func TestFillNamesForAnOlderLibrary(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	old, err := db.OpenAtVersion(ctx, path, 7)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range namedArticles {
		importOld(t, old, a)
	}
	old.Close()
	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.NamesProgress(ctx)
	if err != nil || p.Ready || p.Total != 3 || p.Done != 0 {
		t.Fatalf("before: %+v, %v", p, err)
	}
	var seen []db.NamesProgress
	if err := s.FillNames(ctx, func(p db.NamesProgress) { seen = append(seen, p) }); err != nil {
		t.Fatal(err)
	}
	if len(seen) == 0 || !seen[len(seen)-1].Ready || seen[len(seen)-1].Done != 3 {
		t.Errorf("progress: %+v", seen)
	}
	list, _ := s.ListNames(ctx, db.NameFilter{})
	if countOf(list, "Tony Blair") != 2 {
		t.Errorf("after filling: %+v", list)
	}
	// Again: nothing left to do, nothing doubled.
	if err := s.FillNames(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.ListNames(ctx, db.NameFilter{}); countOf(list, "Tony Blair") != 2 {
		t.Errorf("after filling twice: %+v", list)
	}
}

func TestNameLexiconRemembersPeople(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	importOne(t, s, db.NewArticle{Title: "Cross country", Body: "The athlete Tirunesh Dibaba won in Edinburgh."})
	importOne(t, s, db.NewArticle{Title: "Indoors", Body: "Ethiopian runner Tirunesh Dibaba, 19, set a record."})
	plain := "Tirunesh Dibaba beat the field again."
	for _, n := range db.FindNames("Race", plain) {
		if n.Name == "Tirunesh Dibaba" {
			t.Fatalf("found from the article alone (%s): nothing to test", n.Kind)
		}
	}
	lex, err := s.NameLexicon(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range db.FindNamesWith("Race", plain, lex) {
		found = found || (n.Name == "Tirunesh Dibaba" && n.Kind == "person")
	}
	if !found {
		t.Error("the library's people did not help find Tirunesh Dibaba")
	}
}

func TestNameLexiconRemembersOrganisations(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	for _, body := range []string{
		"Shares fell after rival bank Kestrava cut its forecast.",
		"Investors bought shares in Kestrava on Monday.",
		"A Kestrava spokeswoman declined to comment.",
	} {
		importOne(t, s, db.NewArticle{Title: "Banking", Body: body})
	}
	plain := "Results improved as Kestrava beat forecasts."
	for _, n := range db.FindNames("Banks", plain) {
		if n.Name == "Kestrava" {
			t.Fatalf("found from the article alone (%s): nothing to test", n.Kind)
		}
	}
	lex, err := s.NameLexicon(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range db.FindNamesWith("Banks", plain, lex) {
		found = found || (n.Name == "Kestrava" && n.Kind == "org")
	}
	if !found {
		t.Error("the library's organisations did not help find Kestrava")
	}
}

func TestFillNamesAfterADeletion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	old, err := db.OpenAtVersion(ctx, path, 7)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, a := range namedArticles {
		ids = append(ids, importOld(t, old, a))
	}
	old.Close()
	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.DB().Exec(`DELETE FROM articles WHERE id = ?`, ids[0]); err != nil {
		t.Fatal(err)
	}
	if err := s.FillNames(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.ListNames(ctx, db.NameFilter{}); countOf(list, "Tony Blair") != 1 {
		t.Errorf("after filling: %+v", list)
	}
}

func TestNamesOfABookLengthBodyComeFromItsFirstMegabyte(t *testing.T) {
	start := "Chancellor Gordon Brown spoke in London. "
	filler := strings.Repeat("the rates were held for another month ", (1<<20)/38+1)
	body := start + filler + "Prime Minister Tony Blair met officials in Washington."
	found := map[string]bool{}
	for _, n := range db.FindNames("Budget", body) {
		found[n.Name] = true
		for _, sp := range n.Spans {
			if sp.Start < 0 || sp.End > len(body) || sp.Start >= sp.End {
				t.Errorf("%s: span %v outside the body", n.Name, sp)
			}
		}
	}
	if !found["Gordon Brown"] || !found["London"] {
		t.Errorf("names at the start not found: %v", found)
	}
	if found["Tony Blair"] || found["Washington"] {
		t.Errorf("names past the first megabyte were looked for: %v", found)
	}
}
