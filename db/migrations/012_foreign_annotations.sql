-- Highlights read from other tools (Hypothesis, any W3C Web Annotation).

-- 1 while a highlight keeps the context another tool wrote: its prefix and
-- suffix may be of any length, so a short one does not mean the text starts
-- or ends there. Placing the highlight writes Folio's own context and sets 0.
ALTER TABLE annotations ADD COLUMN foreign_context INTEGER NOT NULL DEFAULT 0;

-- Annotations whose article is not in the library yet: kept as read, and
-- attached when an article with their address (or, for a highlight, the
-- one article where its quote is found) is imported.
CREATE TABLE pending_annotations (
	id INTEGER PRIMARY KEY,
	article_url TEXT NOT NULL DEFAULT '', -- the address the annotation names
	record TEXT NOT NULL,                 -- the AnnotationRecord, as JSON
	created_at TEXT NOT NULL
);
CREATE INDEX pending_annotations_url ON pending_annotations (article_url);

-- Annotations find their article by its address.
CREATE INDEX articles_url ON articles (url) WHERE url != '';
