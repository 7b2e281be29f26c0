package db

// A story is listed as its first version not in the Trash, so a story
// whose first version is in the Trash stays in the library through its
// next; the Trash lists every version in it. The running counts
// (article_months, migration 005) count each story's head, the article
// whose id is its story_id, whatever the Trash holds: storyCorrection
// makes up the difference, from the few stories the Trash touches. A
// story always has its head: deleting it for good makes the next version
// the head (migration 013).

// listRow is true of the articles the live views list: alone, the
// story's head, or the first version not in the Trash of a story whose
// head is in it. Views read it together with a.deleted_at IS NULL. Only
// the versions of stories the Trash touches (a small set, read once per
// statement) look for an earlier version outside it.
const listRow = `(a.story_id IS NULL OR a.story_id = a.id OR (a.story_id IN ` + trashedStories + `
	AND NOT EXISTS (SELECT 1 FROM articles v WHERE v.story_id = a.story_id AND v.id < a.id AND v.deleted_at IS NULL)))`

// trashedStories are the stories with a version in the Trash. The Trash
// is usually small, so they are found from it (the planner would rather
// walk every version).
const trashedStories = `(SELECT story_id FROM articles INDEXED BY articles_trashed
	WHERE deleted_at IS NOT NULL AND story_id IS NOT NULL)`

// storyCorrection is a statement yielding rows shaped as article_months'
// (month, trashed, unread, starred, n) for one date kind ('published' or
// 'imported'): for each version of a story with a version in the Trash,
// whether the views list it less whether the counts count it.
func storyCorrection(kind string) string {
	month := `coalesce(substr(a.published, 1, 7), '')`
	if kind == "imported" {
		month = `substr(a.imported_at, 1, 7)`
	}
	return `SELECT ` + month + ` AS month, a.deleted_at IS NOT NULL AS trashed, a.read_at IS NULL AS unread,
		a.starred != 0 AS starred,
		(a.deleted_at IS NOT NULL OR ` + listRow + `) - (a.story_id = a.id) AS n
		FROM articles a WHERE a.story_id IN ` + trashedStories
}

// monthCounts is article_months for one date kind, corrected for the
// stories the Trash touches: (month, trashed, unread, starred, n).
func monthCounts(kind string) string {
	return `(SELECT month, trashed, unread, starred, n FROM article_months WHERE date_kind = '` + kind + `'
		UNION ALL ` + storyCorrection(kind) + `)`
}
