-- Search ranks every article by one score (title words weigh more, but no
-- group comes first), so the titles-only index that found title matches
-- first is no longer read: it goes, and an import writes one index less.
DROP TRIGGER titles_fts_insert;
DROP TRIGGER titles_fts_delete;
DROP TRIGGER titles_fts_update;
DROP TABLE titles_fts;

-- The word being typed in the search box is searched as a prefix. Without
-- a prefix index, FTS5 merges the posting lists of every word a prefix
-- starts, once per statement: for two letters ("hi", "la") hundreds of
-- lists, most of a search's time. prefix='2' keeps the two-letter prefixes
-- as lists of their own. The table is made again with the same columns
-- and content; the triggers of migration 001 keep writing to it by name.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, byline, source, body,
	content = 'articles', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2',
	prefix = '2'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
