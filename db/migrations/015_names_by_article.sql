-- Links from names to articles are read by article (the table's own
-- order: search reads them so, article after article), and by name only
-- when a person merges or counts one name, which scans the links. The
-- index by name was written at a random place for every name of every
-- imported article, the largest part of what storing names cost an import.
DROP INDEX article_names_name;
