-- An article whose file gave no title gets one made from its first
-- sentence. Such a title is marked, so the window can show it in a
-- quieter style and search can weigh its words as body text, not as a
-- headline's.
ALTER TABLE articles ADD COLUMN title_derived INTEGER NOT NULL DEFAULT 0;

-- Titles made before this column existed: plain-text articles (no HTML)
-- whose title is the start of their body, with or without the "…" of a
-- cut, and those left "Untitled".
UPDATE articles SET title_derived = 1
WHERE html IS NULL AND (title = 'Untitled'
	OR substr(replace(body, char(10), ' '), 1, length(rtrim(title, '…'))) = rtrim(title, '…'));

-- The rows marked here are rehashed without their title in Go, after
-- this file (rehashDerivedTitles in migrate.go).

-- Search reads the mark with the articles' other per-article data, which
-- it reloads when the text changes.
CREATE TRIGGER search_generation_title_derived AFTER UPDATE OF title_derived ON articles BEGIN
	UPDATE search_generation SET meta = meta + 1, text = text + 1 WHERE id = 1;
END;
