-- Versions of the same story: an article republished with changes (an
-- update, a correction, the same wire story on another site) is kept as
-- an article of its own and grouped with the first one imported.

-- story_id is the id of the story's first article, set on every article
-- of a story of two or more versions; NULL for an article alone.
ALTER TABLE articles ADD COLUMN story_id INTEGER;
CREATE INDEX articles_story ON articles (story_id) WHERE story_id IS NOT NULL;

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
