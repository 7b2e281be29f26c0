-- Versions of the same story: an article republished with changes (an
-- update, a correction, the same wire story on another site) is kept as
-- an article of its own and grouped with the first one imported.

-- story_id is the id of the story's first article, set on every article
-- of a story of two or more versions; NULL for an article alone.
ALTER TABLE articles ADD COLUMN story_id INTEGER;
CREATE INDEX articles_story ON articles (story_id) WHERE story_id IS NOT NULL;
-- Counting a view's rows reads this small index (migration 005); the list
-- now leaves later versions out, so it holds story_id too and still
-- answers the count without reading the articles.
DROP INDEX articles_state;
CREATE INDEX articles_state ON articles (starred, deleted_at, read_at, story_id);

-- Each article's MinHash signature (see db/minhash.go), and its bands as
-- an index: a new article is compared only with the articles sharing one
-- of its band keys. Articles imported before this version have none and
-- are not grouped with later copies.
CREATE TABLE article_signatures (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	signature BLOB NOT NULL
);
-- The bands have no foreign key: following one on every delete would
-- need a second index, written for each of an article's twenty rows at
-- import. The rows of a deleted article stay, and lead nowhere: a
-- candidate is compared by its signature, which goes with the article.
CREATE TABLE signature_bands (
	band_key INTEGER NOT NULL,
	article_id INTEGER NOT NULL,
	PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;

-- The list shows a story once, as its first article ("3 versions"): the
-- later versions are not list rows, and the running counts of migration
-- 005, which the list's total and month headers read, leave them out. An
-- article stops being a row when it joins a story as a later version.
-- The delete and update triggers are made again with the same keys as
-- 005's, counting only list rows.
DROP TRIGGER article_months_delete;
DROP TRIGGER article_months_update;

CREATE TRIGGER article_months_delete AFTER DELETE ON articles
WHEN old.story_id IS NULL OR old.story_id = old.id
BEGIN
	UPDATE article_months SET n = n - 1
	WHERE date_kind = 'published' AND month = coalesce(substr(old.published, 1, 7), '')
		AND trashed = (old.deleted_at IS NOT NULL) AND unread = (old.read_at IS NULL) AND starred = (old.starred != 0);
	UPDATE article_months SET n = n - 1
	WHERE date_kind = 'imported' AND month = substr(old.imported_at, 1, 7)
		AND trashed = (old.deleted_at IS NOT NULL) AND unread = (old.read_at IS NULL) AND starred = (old.starred != 0);
END;

CREATE TRIGGER article_months_update AFTER UPDATE OF published, imported_at, deleted_at, read_at, starred ON articles
WHEN (old.story_id IS NULL OR old.story_id = old.id) AND (old.published IS NOT new.published
	OR old.imported_at IS NOT new.imported_at
	OR (old.deleted_at IS NULL) != (new.deleted_at IS NULL) OR (old.read_at IS NULL) != (new.read_at IS NULL)
	OR (old.starred != 0) != (new.starred != 0))
BEGIN
	UPDATE article_months SET n = n - 1
	WHERE date_kind = 'published' AND month = coalesce(substr(old.published, 1, 7), '')
		AND trashed = (old.deleted_at IS NOT NULL) AND unread = (old.read_at IS NULL) AND starred = (old.starred != 0);
	UPDATE article_months SET n = n - 1
	WHERE date_kind = 'imported' AND month = substr(old.imported_at, 1, 7)
		AND trashed = (old.deleted_at IS NOT NULL) AND unread = (old.read_at IS NULL) AND starred = (old.starred != 0);
	INSERT INTO article_months (date_kind, month, trashed, unread, starred, n) VALUES
		('published', coalesce(substr(new.published, 1, 7), ''), new.deleted_at IS NOT NULL, new.read_at IS NULL, new.starred != 0, 1),
		('imported', substr(new.imported_at, 1, 7), new.deleted_at IS NOT NULL, new.read_at IS NULL, new.starred != 0, 1)
	ON CONFLICT (date_kind, month, trashed, unread, starred) DO UPDATE SET n = n + 1;
END;

-- Joining a story as a later version takes a row out of the counts.
CREATE TRIGGER article_months_story AFTER UPDATE OF story_id ON articles
WHEN (old.story_id IS NULL OR old.story_id = old.id) AND NOT (new.story_id IS NULL OR new.story_id = new.id)
BEGIN
	UPDATE article_months SET n = n - 1
	WHERE date_kind = 'published' AND month = coalesce(substr(old.published, 1, 7), '')
		AND trashed = (old.deleted_at IS NOT NULL) AND unread = (old.read_at IS NULL) AND starred = (old.starred != 0);
	UPDATE article_months SET n = n - 1
	WHERE date_kind = 'imported' AND month = substr(old.imported_at, 1, 7)
		AND trashed = (old.deleted_at IS NOT NULL) AND unread = (old.read_at IS NULL) AND starred = (old.starred != 0);
END;
