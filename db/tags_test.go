package db_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"folio/db"
	"folio/db/dbtest"
)

// tagList renders ListTags as "name:count" pairs, in order.
func tagList(t *testing.T, s *db.Store) string {
	t.Helper()
	tags, err := s.ListTags(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tag := range tags {
		out = append(out, fmt.Sprintf("%s:%d", tag.Name, tag.Count))
	}
	return strings.Join(out, " ")
}

// tagID finds a tag's id by its exact name.
func tagID(t *testing.T, s *db.Store, name string) int64 {
	t.Helper()
	tags, err := s.ListTags(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range tags {
		if tag.Name == name {
			return tag.ID
		}
	}
	t.Fatalf("no tag %q among %s", name, tagList(t, s))
	return 0
}

// articleTagNames lists one article's tags.
func articleTagNames(t *testing.T, s *db.Store, id int64) string {
	t.Helper()
	a, err := s.GetArticle(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tag := range a.Tags {
		names = append(names, tag.Name)
	}
	return strings.Join(names, ",")
}

// threeArticles stores three articles and returns their ids.
func threeArticles(t *testing.T, s *db.Store) (int64, int64, int64) {
	t.Helper()
	return importOne(t, s, db.NewArticle{Title: "One", Body: "First text."}),
		importOne(t, s, db.NewArticle{Title: "Two", Body: "Second text."}),
		importOne(t, s, db.NewArticle{Title: "Three", Body: "Third text."})
}

func TestValidTagName(t *testing.T) {
	for _, c := range []struct{ in, want, err string }{
		{"  energy  ", "energy", ""},
		{"region / russia", "region/russia", ""},
		{"news  in\tbrief", "news in brief", ""},
		{"/a//b/", "a/b", ""},
		{"", "", "needs a name"},
		{" / ", "", "needs a name"},
		{strings.Repeat("x", 101), "", "at most 100"},
		{"bell\a", "", "cannot be shown"},
	} {
		got, err := db.ValidTagName(c.in)
		if c.err == "" && (err != nil || got != c.want) {
			t.Errorf("ValidTagName(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
		if c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("ValidTagName(%q) error = %v; want one saying %q", c.in, err, c.err)
		}
	}
}

func TestAddAndRemoveTags(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	a, b, c := threeArticles(t, s)

	n, err := s.AddTags(ctx, []int64{a, b, 999}, []string{"Energy", "region / russia", "energy"})
	if err != nil || n != 2 {
		t.Fatalf("AddTags = %d, %v; want 2 articles changed", n, err)
	}
	if got := tagList(t, s); got != "Energy:2 region/russia:2" {
		t.Errorf("tags = %s", got)
	}
	// The same tag in another case is the same tag; b already has it.
	n, err = s.AddTags(ctx, []int64{b, c}, []string{"ENERGY"})
	if err != nil || n != 1 {
		t.Errorf("AddTags(ENERGY) = %d, %v; want 1 (only c gains it)", n, err)
	}
	if got := tagList(t, s); got != "Energy:3 region/russia:2" {
		t.Errorf("tags after adding ENERGY = %s", got)
	}

	n, err = s.RemoveTags(ctx, []int64{a, c}, []string{"energy", "no such tag"})
	if err != nil || n != 2 {
		t.Errorf("RemoveTags = %d, %v; want 2", n, err)
	}
	if got := articleTagNames(t, s, a); got != "region/russia" {
		t.Errorf("a's tags = %q", got)
	}
	// Removing a parent leaves its children alone; the unused tag row stays.
	if n, err := s.RemoveTags(ctx, []int64{a, b}, []string{"region"}); err != nil || n != 0 {
		t.Errorf("removing the parent region = %d, %v; want 0", n, err)
	}
	if got := tagList(t, s); got != "Energy:1 region/russia:2" {
		t.Errorf("tags = %s", got)
	}
	if n, err := s.RemoveTags(ctx, []int64{b}, []string{"Energy"}); err != nil || n != 1 {
		t.Errorf("RemoveTags = %d, %v", n, err)
	}
	if got := tagList(t, s); got != "Energy:0 region/russia:2" {
		t.Errorf("an unused tag should stay with 0: %s", got)
	}

	for _, names := range [][]string{nil, {""}, {"ok", " "}} {
		if _, err := s.AddTags(ctx, []int64{a}, names); err == nil {
			t.Errorf("AddTags(%q) accepted an empty name", names)
		}
	}
	if got := articleTagNames(t, s, a); got != "region/russia" {
		t.Errorf("a failed AddTags changed a's tags: %q", got)
	}
}

func TestTagCountsLeaveOutTheTrash(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	a, b, _ := threeArticles(t, s)
	if _, err := s.AddTags(ctx, []int64{a, b}, []string{"politics"}); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashArticles(ctx, []int64{a}); err != nil {
		t.Fatal(err)
	}
	if got := tagList(t, s); got != "politics:1" {
		t.Errorf("with a in the Trash: %s, want politics:1", got)
	}
	if err := s.RestoreArticles(ctx, []int64{a}); err != nil {
		t.Fatal(err)
	}
	if got := tagList(t, s); got != "politics:2" {
		t.Errorf("after restoring a: %s, want politics:2", got)
	}
}

func TestListTagsKeepsChildrenUnderTheirParent(t *testing.T) {
	s := dbtest.Open(t)
	a, _, _ := threeArticles(t, s)
	if _, err := s.AddTags(context.Background(), []int64{a},
		[]string{"region x", "Region/Russia", "alpha", "region/asia/china", "Beta"}); err != nil {
		t.Fatal(err)
	}
	// No "region" row is invented for the children; the frontend draws it.
	want := "alpha:1 Beta:1 region/asia/china:1 Region/Russia:1 region x:1"
	if got := tagList(t, s); got != want {
		t.Errorf("tags = %s\nwant   %s", got, want)
	}
}

func TestRenameTag(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name   string
		rename string // the tag to rename
		to     string
		want   string // tags afterwards
		a      string // article a's tags afterwards
		err    string
	}{
		{name: "plain", rename: "energy", to: "Power", want: "news:1 Power:2 region:1 region/asia:1 region/europe:1 Region/Russia:1", a: "news,Power,region/asia"},
		{name: "case only", rename: "energy", to: "ENERGY", want: "ENERGY:2 news:1 region:1 region/asia:1 region/europe:1 Region/Russia:1", a: "ENERGY,news,region/asia"},
		{name: "merge", rename: "news", to: "Energy", want: "Energy:2 region:1 region/asia:1 region/europe:1 Region/Russia:1", a: "Energy,region/asia"},
		{name: "children follow", rename: "region", to: "places", want: "energy:2 news:1 places:1 places/asia:1 places/europe:1 places/Russia:1", a: "energy,news,places/asia"},
		{name: "child merges into a sibling", rename: "Region/Russia", to: "region/europe", want: "energy:2 news:1 region:1 region/asia:1 region/europe:2", a: "energy,news,region/asia,region/europe"},
		{name: "child up to the top", rename: "region/asia", to: "Asia", want: "Asia:1 energy:2 news:1 region:1 region/europe:1 Region/Russia:1", a: "Asia,energy,news"},
		{name: "under itself", rename: "region", to: "region/old", err: "under itself"},
		{name: "empty", rename: "region", to: " / ", err: "needs a name"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := dbtest.Open(t)
			a, b, _ := threeArticles(t, s)
			s.AddTags(ctx, []int64{a}, []string{"energy", "news", "region/asia"})
			s.AddTags(ctx, []int64{b}, []string{"energy", "region", "region/europe", "Region/Russia"})
			if c.name == "child merges into a sibling" {
				s.AddTags(ctx, []int64{a}, []string{"Region/Russia"})
			}
			before := tagList(t, s)
			got, err := s.RenameTag(ctx, tagID(t, s, c.rename), c.to)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want one saying %q", err, c.err)
				}
				if after := tagList(t, s); after != before {
					t.Errorf("a refused rename changed the tags: %s", after)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if clean, _ := db.ValidTagName(c.to); got.Name != clean {
				t.Errorf("RenameTag returned %+v, want the name %q", got, clean)
			}
			if gotList := tagList(t, s); gotList != c.want {
				t.Errorf("tags = %s\nwant   %s", gotList, c.want)
			}
			if got := articleTagNames(t, s, a); got != c.a {
				t.Errorf("a's tags = %s, want %s", got, c.a)
			}
		})
	}
}

func TestRenameMergeKeepsOneLinkAndAColour(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	a, b, _ := threeArticles(t, s)
	s.AddTags(ctx, []int64{a, b}, []string{"oil"})
	s.AddTags(ctx, []int64{a}, []string{"Energy"})
	oil, energy := tagID(t, s, "oil"), tagID(t, s, "Energy")
	if err := s.SetTagColor(ctx, oil, "teal"); err != nil {
		t.Fatal(err)
	}
	got, err := s.RenameTag(ctx, oil, "energy")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != energy || got.Name != "energy" || got.Count != 2 || got.Color != "teal" {
		t.Errorf("merged tag = %+v; want id %d, name energy, 2 articles, the colour teal", got, energy)
	}
	var links int
	s.DB().QueryRow(`SELECT count(*) FROM article_tags WHERE article_id = ?`, a).Scan(&links)
	if links != 1 {
		t.Errorf("article a has %d tag links after the merge, want 1", links)
	}
	if _, err := s.RenameTag(ctx, oil, "anything"); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("renaming the merged-away tag: %v, want ErrNotFound", err)
	}
}

func TestDeleteTagKeepsArticlesAndChildren(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	a, _, _ := threeArticles(t, s)
	s.AddTags(ctx, []int64{a}, []string{"region", "region/asia"})
	if err := s.DeleteTag(ctx, tagID(t, s, "region")); err != nil {
		t.Fatal(err)
	}
	if got := tagList(t, s); got != "region/asia:1" {
		t.Errorf("tags = %s", got)
	}
	if _, err := s.GetArticle(ctx, a); err != nil {
		t.Errorf("the article went with its tag: %v", err)
	}
	if err := s.DeleteTag(ctx, 999); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("DeleteTag(999) = %v, want ErrNotFound", err)
	}
}

func TestSetTagColor(t *testing.T) {
	s := dbtest.Open(t)
	ctx := context.Background()
	a, _, _ := threeArticles(t, s)
	s.AddTags(ctx, []int64{a}, []string{"x"})
	id := tagID(t, s, "x")
	for _, c := range []struct{ in, want, err string }{
		{"red", "red", ""},
		{" Teal ", "teal", ""},
		{"#A0b1C2", "#a0b1c2", ""},
		{"", "", ""},
		{"chartreuse", "", "not a tag colour"},
		{"#12345", "", "not a tag colour"},
		{"#12345g", "", "not a tag colour"},
		{"javascript:alert(1)", "", "not a tag colour"},
	} {
		s.SetTagColor(ctx, id, "blue")
		err := s.SetTagColor(ctx, id, c.in)
		tags, _ := s.ListTags(ctx)
		switch {
		case c.err == "" && (err != nil || tags[0].Color != c.want):
			t.Errorf("SetTagColor(%q): %v, colour %q; want %q", c.in, err, tags[0].Color, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err) || tags[0].Color != "blue"):
			t.Errorf("SetTagColor(%q): %v, colour %q; want a refusal", c.in, err, tags[0].Color)
		}
	}
	if err := s.SetTagColor(ctx, 999, "red"); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("SetTagColor(999) = %v, want ErrNotFound", err)
	}
}
