-- A full-text index of titles alone. Search ranks articles whose title
-- matches first; finding them here reads a title's short posting lists
-- instead of the whole index's, so a common word need not be ranked in
-- every article that mentions it.

CREATE VIRTUAL TABLE titles_fts USING fts5(
	title,
	content = 'articles', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER titles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO titles_fts (rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER titles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER titles_fts_update AFTER UPDATE OF title ON articles BEGIN
	INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
	INSERT INTO titles_fts (rowid, title) VALUES (new.id, new.title);
END;

INSERT INTO titles_fts (titles_fts) VALUES ('rebuild');
