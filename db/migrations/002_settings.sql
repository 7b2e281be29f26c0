-- Preferences the window keeps between runs, and searches saved by name.

CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE saved_searches (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	query TEXT NOT NULL,
	position INTEGER NOT NULL DEFAULT 0
);
