-- A story stays in the library while any of its versions does. The list
-- shows it as its first version not in the Trash, and the Trash shows
-- every version in it (db/stories.go); the running counts of migration
-- 005 still count each story's first article, its head, and the views
-- correct them for the few stories the Trash touches.

-- When a story's head is deleted for good, the next version becomes the
-- head: story_id moves to it, and it joins the counts.
CREATE TRIGGER articles_story_head_delete AFTER DELETE ON articles
WHEN old.story_id = old.id
BEGIN
	UPDATE articles SET story_id = (SELECT min(id) FROM articles WHERE story_id = old.id)
	WHERE story_id = old.id;
END;

-- Becoming a story's head (above, or when an older article is found to be
-- the story's first version, see below) puts a row into the counts;
-- migration 010's article_months_story takes one out when a head becomes
-- a later version.
CREATE TRIGGER article_months_head AFTER UPDATE OF story_id ON articles
WHEN NOT (old.story_id IS NULL OR old.story_id = old.id) AND (new.story_id IS NULL OR new.story_id = new.id)
BEGIN
	INSERT INTO article_months (date_kind, month, trashed, unread, starred, n) VALUES
		('published', coalesce(substr(new.published, 1, 7), ''), new.deleted_at IS NOT NULL, new.read_at IS NULL, new.starred != 0, 1),
		('imported', substr(new.imported_at, 1, 7), new.deleted_at IS NOT NULL, new.read_at IS NULL, new.starred != 0, 1)
	ON CONFLICT (date_kind, month, trashed, unread, starred) DO UPDATE SET n = n + 1;
END;

-- Stories whose head was deleted for good before this migration get
-- their next version as head.
UPDATE articles SET story_id = h.head
FROM (SELECT story_id AS gone, min(id) AS head FROM articles
	WHERE story_id IS NOT NULL AND story_id NOT IN (SELECT id FROM articles) GROUP BY story_id) h
WHERE articles.story_id = h.gone;

-- Articles stored before versions were found (migration 010) have no
-- signature: they are signed and grouped in the background, in id order;
-- next_id is where that work goes on after a restart, end_id the last
-- article it has to read (later ones were signed at import).
CREATE TABLE versions_backfill (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	next_id INTEGER NOT NULL,
	end_id INTEGER NOT NULL
);
INSERT INTO versions_backfill (id, next_id, end_id)
SELECT 1, coalesce(min(id), 1), coalesce(max(id), 0) FROM articles
WHERE id NOT IN (SELECT article_id FROM article_signatures);
