-- Articles, tags, annotations and their full-text indexes.

CREATE TABLE articles (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	byline TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL DEFAULT '',
	url TEXT NOT NULL DEFAULT '',
	published TEXT,                      -- YYYY-MM-DD; NULL when the file gave no readable date
	imported_at TEXT NOT NULL,           -- RFC 3339, UTC
	body TEXT NOT NULL,                  -- canonical plain text; annotation positions count in it
	html TEXT,                           -- sanitized at import; NULL for plain-text articles
	word_count INTEGER NOT NULL DEFAULT 0,
	content_hash TEXT NOT NULL UNIQUE,   -- of the text with whitespace and case folded
	path TEXT NOT NULL DEFAULT '',       -- the file as it was imported
	progress REAL NOT NULL DEFAULT 0,    -- 0..1, how far the person has scrolled
	read_at TEXT,                        -- NULL while unread
	starred INTEGER NOT NULL DEFAULT 0,
	deleted_at TEXT                      -- set while the article is in the Trash
);
CREATE INDEX articles_published ON articles (published, id);
CREATE INDEX articles_imported ON articles (imported_at, id);
CREATE INDEX articles_title ON articles (title COLLATE NOCASE, id);
CREATE INDEX articles_path ON articles (path);

-- External-content index: the text lives once, in articles.
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, byline, source, body,
	content = 'articles', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The delete and update triggers pass exactly the old values the insert
-- trigger indexed; anything else leaves stale terms in the index.
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, byline, source, body)
	VALUES (new.id, new.title, new.byline, new.source, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, byline, source, body)
	VALUES ('delete', old.id, old.title, old.byline, old.source, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, byline, source, body ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, byline, source, body)
	VALUES ('delete', old.id, old.title, old.byline, old.source, old.body);
	INSERT INTO articles_fts (rowid, title, byline, source, body)
	VALUES (new.id, new.title, new.byline, new.source, new.body);
END;

CREATE TABLE tags (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	name_key TEXT NOT NULL UNIQUE,       -- lower-cased name: tags are unique whatever their case
	color TEXT NOT NULL DEFAULT ''
);

CREATE TABLE article_tags (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
	PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags (tag_id, article_id);

-- Highlights and notes. A highlight is anchored by a W3C TextQuoteSelector
-- (exact, prefix, suffix) and a TextPositionSelector (start, end, in code
-- points of articles.body). A note without a quote belongs to the article.
CREATE TABLE annotations (
	id INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('highlight', 'note')),
	color TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	exact TEXT NOT NULL DEFAULT '',
	prefix TEXT NOT NULL DEFAULT '',
	suffix TEXT NOT NULL DEFAULT '',
	pos_start INTEGER NOT NULL DEFAULT 0,
	pos_end INTEGER NOT NULL DEFAULT 0,
	orphaned INTEGER NOT NULL DEFAULT 0, -- the quote could not be placed in the current text
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX annotations_article ON annotations (article_id, pos_start);

CREATE VIRTUAL TABLE annotations_fts USING fts5(
	exact, note,
	content = 'annotations', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN
	INSERT INTO annotations_fts (rowid, exact, note) VALUES (new.id, new.exact, new.note);
END;
CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
	INSERT INTO annotations_fts (annotations_fts, rowid, exact, note) VALUES ('delete', old.id, old.exact, old.note);
END;
CREATE TRIGGER annotations_fts_update AFTER UPDATE OF exact, note ON annotations BEGIN
	INSERT INTO annotations_fts (annotations_fts, rowid, exact, note) VALUES ('delete', old.id, old.exact, old.note);
	INSERT INTO annotations_fts (rowid, exact, note) VALUES (new.id, new.exact, new.note);
END;
