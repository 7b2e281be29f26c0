-- The people, organisations and places named in each article (see
-- db/names). A name is one row per kind and spelling; hiding one keeps it
-- out of facets and lists without forgetting it, so it does not come back
-- at the next import.
CREATE TABLE names (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('person', 'org', 'place')),
	hidden INTEGER NOT NULL DEFAULT 0,
	UNIQUE (kind, name COLLATE NOCASE)
);

-- Where an article names one: positions are the byte spans in its body,
-- "start-end" separated by spaces ("" when only the title names it).
CREATE TABLE article_names (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	name_id INTEGER NOT NULL REFERENCES names (id) ON DELETE CASCADE,
	positions TEXT NOT NULL,
	PRIMARY KEY (article_id, name_id)
) WITHOUT ROWID;
CREATE INDEX article_names_name ON article_names (name_id, article_id);

-- A rename or a merge remembers the old spelling, so that the next
-- article that writes it lands on the name it became.
CREATE TABLE name_aliases (
	kind TEXT NOT NULL,
	alias TEXT NOT NULL,
	name_id INTEGER NOT NULL REFERENCES names (id) ON DELETE CASCADE,
	PRIMARY KEY (kind, alias COLLATE NOCASE)
);

-- Articles stored before names were found get them in the background, in
-- id order; next_id is where that work goes on after a restart, end_id the
-- last article it has to read (later ones got their names at import).
CREATE TABLE names_backfill (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	next_id INTEGER NOT NULL,
	end_id INTEGER NOT NULL
);
INSERT INTO names_backfill (id, next_id, end_id) SELECT 1, 1, coalesce(max(id), 0) FROM articles;

-- Search keeps the names of every article in memory; these counters tell
-- it when that copy is stale: n moves on any change, rewritten on any but
-- the names of newly imported articles, which it can read on their own.
-- The writers of article_names move them once per transaction rather
-- than a trigger once per row.
CREATE TABLE names_generation (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n INTEGER NOT NULL,
	rewritten INTEGER NOT NULL
);
INSERT INTO names_generation (id, n, rewritten) VALUES (1, 0, 0);

CREATE TRIGGER names_generation_update AFTER UPDATE ON names BEGIN
	UPDATE names_generation SET n = n + 1, rewritten = rewritten + 1 WHERE id = 1;
END;
CREATE TRIGGER names_generation_delete AFTER DELETE ON names BEGIN
	UPDATE names_generation SET n = n + 1, rewritten = rewritten + 1 WHERE id = 1;
END;
-- An article's id may be taken again once it is gone: read everything then.
CREATE TRIGGER names_generation_article_delete AFTER DELETE ON articles BEGIN
	UPDATE names_generation SET n = n + 1, rewritten = rewritten + 1 WHERE id = 1;
END;
CREATE TRIGGER names_generation_link_delete AFTER DELETE ON article_names BEGIN
	UPDATE names_generation SET n = n + 1, rewritten = rewritten + 1 WHERE id = 1;
END;
