-- Search keeps what it needs to filter and count (dates, sources, tags,
-- read state of every article) in memory between searches. These counters
-- tell it when that copy is stale, whichever connection or process wrote:
-- "meta" moves on any change search filters or counts by, "text" on any
-- change to the indexed text. Saving reading progress moves neither.

CREATE TABLE search_generation (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	meta INTEGER NOT NULL,
	text INTEGER NOT NULL
);
INSERT INTO search_generation (id, meta, text) VALUES (1, 0, 0);

CREATE TRIGGER search_generation_article_insert AFTER INSERT ON articles BEGIN
	UPDATE search_generation SET meta = meta + 1, text = text + 1 WHERE id = 1;
END;
CREATE TRIGGER search_generation_article_delete AFTER DELETE ON articles BEGIN
	UPDATE search_generation SET meta = meta + 1, text = text + 1 WHERE id = 1;
END;
CREATE TRIGGER search_generation_article_text AFTER UPDATE OF title, byline, source, body ON articles BEGIN
	UPDATE search_generation SET meta = meta + 1, text = text + 1 WHERE id = 1;
END;
CREATE TRIGGER search_generation_article_state AFTER UPDATE OF published, read_at, starred, deleted_at ON articles BEGIN
	UPDATE search_generation SET meta = meta + 1 WHERE id = 1;
END;

CREATE TRIGGER search_generation_tag_insert AFTER INSERT ON tags BEGIN
	UPDATE search_generation SET meta = meta + 1 WHERE id = 1;
END;
CREATE TRIGGER search_generation_tag_update AFTER UPDATE OF name, name_key ON tags BEGIN
	UPDATE search_generation SET meta = meta + 1 WHERE id = 1;
END;
CREATE TRIGGER search_generation_tag_delete AFTER DELETE ON tags BEGIN
	UPDATE search_generation SET meta = meta + 1 WHERE id = 1;
END;
CREATE TRIGGER search_generation_article_tag_insert AFTER INSERT ON article_tags BEGIN
	UPDATE search_generation SET meta = meta + 1 WHERE id = 1;
END;
CREATE TRIGGER search_generation_article_tag_delete AFTER DELETE ON article_tags BEGIN
	UPDATE search_generation SET meta = meta + 1 WHERE id = 1;
END;
CREATE TRIGGER search_generation_article_tag_update AFTER UPDATE ON article_tags BEGIN
	UPDATE search_generation SET meta = meta + 1 WHERE id = 1;
END;

CREATE TRIGGER search_generation_annotation_insert AFTER INSERT ON annotations BEGIN
	UPDATE search_generation SET meta = meta + 1 WHERE id = 1;
END;
CREATE TRIGGER search_generation_annotation_delete AFTER DELETE ON annotations BEGIN
	UPDATE search_generation SET meta = meta + 1 WHERE id = 1;
END;
CREATE TRIGGER search_generation_annotation_update AFTER UPDATE OF article_id, kind, note ON annotations BEGIN
	UPDATE search_generation SET meta = meta + 1 WHERE id = 1;
END;

-- Everything search reads per article, apart from the text, in one narrow
-- index: loading it is a scan of this index instead of every article's body.
CREATE INDEX articles_search ON articles (source, deleted_at, read_at, starred, published);
