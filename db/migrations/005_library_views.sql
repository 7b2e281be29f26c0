-- What the library list, the sidebar's counts, the month headers and the
-- timeline read, kept fast on 100,000 articles.

-- The list's date orders put undated articles last in both directions, an
-- order that articles_published cannot give; these match the list's ORDER BY
-- term for term, so its first page is read straight off an index.
CREATE INDEX articles_newest ON articles (published IS NULL, published DESC, id DESC);
CREATE INDEX articles_oldest ON articles (published IS NULL, published, id);

-- Counting a view's rows (the list's total) reads this small index, not the
-- articles with their text. It leads with starred, not deleted_at, so the
-- planner never takes it over the order indexes above for the list's
-- "WHERE deleted_at IS NULL ORDER BY ... LIMIT".
CREATE INDEX articles_state ON articles (starred, deleted_at, read_at);

-- The Trash is usually small: this finds it without reading the library.
CREATE INDEX articles_trashed ON articles (deleted_at) WHERE deleted_at IS NOT NULL;

-- Running counts of articles per month and state. Counting 100,000 rows
-- takes SQLite tens of milliseconds however they are indexed, too slow to
-- redo after every change; these few hundred rows, kept by the triggers
-- below, answer the view counts, the month headers and the timeline.
-- Each article is counted twice: under the month it was published
-- ('' when undated) and under the month it was imported (UTC).
CREATE TABLE article_months (
	date_kind TEXT NOT NULL CHECK (date_kind IN ('published', 'imported')),
	month TEXT NOT NULL,
	trashed INTEGER NOT NULL,
	unread INTEGER NOT NULL,
	starred INTEGER NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (date_kind, month, trashed, unread, starred)
) WITHOUT ROWID;

INSERT INTO article_months (date_kind, month, trashed, unread, starred, n)
SELECT 'published', coalesce(substr(published, 1, 7), ''), deleted_at IS NOT NULL, read_at IS NULL, starred != 0, count(*)
FROM articles GROUP BY 2, 3, 4, 5
UNION ALL
SELECT 'imported', substr(imported_at, 1, 7), deleted_at IS NOT NULL, read_at IS NULL, starred != 0, count(*)
FROM articles GROUP BY 2, 3, 4, 5;

-- The three triggers compute an article's keys with the same expressions
-- as the query above; any difference would make the counts drift.
CREATE TRIGGER article_months_insert AFTER INSERT ON articles BEGIN
	INSERT INTO article_months (date_kind, month, trashed, unread, starred, n) VALUES
		('published', coalesce(substr(new.published, 1, 7), ''), new.deleted_at IS NOT NULL, new.read_at IS NULL, new.starred != 0, 1),
		('imported', substr(new.imported_at, 1, 7), new.deleted_at IS NOT NULL, new.read_at IS NULL, new.starred != 0, 1)
	ON CONFLICT (date_kind, month, trashed, unread, starred) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER article_months_delete AFTER DELETE ON articles BEGIN
	UPDATE article_months SET n = n - 1
	WHERE date_kind = 'published' AND month = coalesce(substr(old.published, 1, 7), '')
		AND trashed = (old.deleted_at IS NOT NULL) AND unread = (old.read_at IS NULL) AND starred = (old.starred != 0);
	UPDATE article_months SET n = n - 1
	WHERE date_kind = 'imported' AND month = substr(old.imported_at, 1, 7)
		AND trashed = (old.deleted_at IS NOT NULL) AND unread = (old.read_at IS NULL) AND starred = (old.starred != 0);
END;

CREATE TRIGGER article_months_update AFTER UPDATE OF published, imported_at, deleted_at, read_at, starred ON articles
WHEN old.published IS NOT new.published OR old.imported_at IS NOT new.imported_at
	OR (old.deleted_at IS NULL) != (new.deleted_at IS NULL) OR (old.read_at IS NULL) != (new.read_at IS NULL)
	OR (old.starred != 0) != (new.starred != 0)
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
