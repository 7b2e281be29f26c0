-- Every annotation gets a lasting identity, the id of its W3C Web Annotation
-- (a urn:uuid IRI). It travels with an export, so reading the same export
-- twice, or into the library it came from, adds nothing the second time.

ALTER TABLE annotations ADD COLUMN uid TEXT NOT NULL DEFAULT '';

-- A version 4 UUID for each annotation already there; randomblob() is
-- evaluated again for every row.
UPDATE annotations SET uid = 'urn:uuid:' || lower(
	hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
	substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));

-- Partial, so a row written without one never collides with another.
CREATE UNIQUE INDEX annotations_uid ON annotations (uid) WHERE uid != '';

-- The library-wide list of annotations shows the newest first.
CREATE INDEX annotations_created ON annotations (created_at, id);
