package app

import (
	"context"

	"folio/db"
)

// ListTags returns every tag with its count of articles outside the Trash,
// each parent before its children. A parent that exists only as the prefix
// of its children ("region" for "region/asia") is not in the list: the
// sidebar draws it.
func (a *App) ListTags() ([]db.TagCount, error) {
	tags, err := a.db().ListTags(context.Background())
	return tags, userError("list the tags", err)
}

// AddTags gives the articles each named tag, creating tags that do not exist.
func (a *App) AddTags(ids []int64, names []string) error {
	if _, err := a.db().AddTags(context.Background(), ids, names); err != nil {
		return userError("tag the articles", err)
	}
	a.libraryChanged()
	return nil
}

// RemoveTags takes the named tags off the articles.
func (a *App) RemoveTags(ids []int64, names []string) error {
	if _, err := a.db().RemoveTags(context.Background(), ids, names); err != nil {
		return userError("remove the tags", err)
	}
	a.libraryChanged()
	return nil
}

// RenameTag renames a tag and its children ("region/asia" follows
// "region"); a name another tag has merges the two. It returns the tag as
// it is afterwards, which after a merge is the other tag.
func (a *App) RenameTag(id int64, name string) (db.TagCount, error) {
	tag, err := a.db().RenameTag(context.Background(), id, name)
	if err != nil {
		return tag, userError("rename the tag", err)
	}
	a.libraryChanged()
	return tag, nil
}

// DeleteTag deletes one tag; its articles and its children stay.
func (a *App) DeleteTag(id int64) error {
	if err := a.db().DeleteTag(context.Background(), id); err != nil {
		return userError("delete the tag", err)
	}
	a.libraryChanged()
	return nil
}

// SetTagColor sets a tag's colour: one of red, orange, yellow, green, teal,
// blue, purple, pink, gray, any "#rrggbb", or "" for none.
func (a *App) SetTagColor(id int64, color string) error {
	if err := a.db().SetTagColor(context.Background(), id, color); err != nil {
		return userError("colour the tag", err)
	}
	a.libraryChanged()
	return nil
}
