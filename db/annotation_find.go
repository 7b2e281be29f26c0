package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"folio/db/anchor"
)

// foundArticle is the article a record belongs to; id is 0 when the
// library does not hold it.
type foundArticle struct {
	id   int64
	body string
}

// articleFinder looks up the articles of an import's records, each address
// once.
type articleFinder struct {
	tx    *sql.Tx
	cache map[string]foundArticle
}

func newArticleFinder(tx *sql.Tx) *articleFinder {
	return &articleFinder{tx: tx, cache: map[string]foundArticle{}}
}

// find returns the article with the record's content hash, else the one at
// its address, else, for a highlight, the one article where its quote is
// found.
func (f *articleFinder) find(ctx context.Context, r AnnotationRecord) (foundArticle, error) {
	key := r.ArticleHash + "\x00" + r.ArticleURL
	a, ok := f.cache[key]
	if !ok {
		var err error
		if a, err = f.byReference(ctx, r); err != nil {
			return a, err
		}
		f.cache[key] = a
	}
	if a.id != 0 || r.Kind != KindHighlight {
		return a, nil
	}
	return f.byQuote(ctx, r)
}

func (f *articleFinder) byReference(ctx context.Context, r AnnotationRecord) (foundArticle, error) {
	var a foundArticle
	lookups := []struct{ query, arg string }{
		{`SELECT id, body FROM articles WHERE content_hash = ?`, r.ArticleHash},
		// Several articles may share an address (an edited page saved twice):
		// the newest outside the Trash wins.
		{`SELECT id, body FROM articles WHERE url IN (SELECT value FROM json_each(?)) AND url != ''
			ORDER BY deleted_at IS NOT NULL, id DESC LIMIT 1`, stringsJSON(urlVariants(r.ArticleURL))},
	}
	for _, l := range lookups {
		if l.arg == "" || l.arg == "[]" {
			continue
		}
		err := f.tx.QueryRowContext(ctx, l.query, l.arg).Scan(&a.id, &a.body)
		if err == nil {
			break
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return a, fmt.Errorf("find the annotated article: %w", err)
		}
	}
	return a, nil
}

// urlVariants lists the spellings of an address that name the same page:
// with or without its #fragment, tracking parameters (utm_*, fbclid,
// gclid), a final slash, "www." and https.
func urlVariants(raw string) []string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		if raw = strings.TrimSpace(raw); raw != "" {
			return []string{raw}
		}
		return nil
	}
	u.Fragment, u.RawFragment = "", ""
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	path := strings.TrimSuffix(u.EscapedPath(), "/")
	tail := ""
	if q := withoutTracking(u.Query()); len(q) > 0 {
		tail = "?" + q.Encode()
	}
	out := []string{strings.TrimSpace(raw)}
	for _, scheme := range []string{"https", "http"} {
		for _, h := range []string{host, "www." + host} {
			for _, p := range []string{path, path + "/"} {
				out = append(out, scheme+"://"+h+p+tail)
			}
		}
	}
	return out
}

// withoutTracking drops the parameters that say where a visitor came
// from, not which page it is.
func withoutTracking(q url.Values) url.Values {
	for k := range q {
		if l := strings.ToLower(k); strings.HasPrefix(l, "utm_") || l == "fbclid" || l == "gclid" {
			delete(q, k)
		}
	}
	return q
}

func stringsJSON(list []string) string {
	b, _ := json.Marshal(list) // a list of strings always encodes
	return string(b)
}

// quoteWords is how many words of a quote must match for it to name its
// article on its own.
const quoteWords = 4

// byQuote finds the one article outside the Trash where the highlight's
// quote is placed; none when the quote is short or found in several.
func (f *articleFinder) byQuote(ctx context.Context, r AnnotationRecord) (foundArticle, error) {
	words := strings.FieldsFunc(r.Exact, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsNumber(c) })
	if len(words) < quoteWords {
		return foundArticle{}, nil
	}
	rows, err := f.tx.QueryContext(ctx, `SELECT a.id, a.body FROM articles_fts f JOIN articles a ON a.id = f.rowid
		WHERE articles_fts MATCH ? AND a.deleted_at IS NULL LIMIT 8`, `body : "`+strings.Join(words, " ")+`"`)
	if err != nil {
		return foundArticle{}, fmt.Errorf("find the article of a quote: %w", err)
	}
	defer rows.Close()
	sel := anchor.Selector{Exact: r.Exact, Prefix: r.Prefix, Suffix: r.Suffix, Start: r.Start, End: r.End, Edges: !r.Foreign}
	var found []foundArticle
	for rows.Next() {
		var a foundArticle
		if err := rows.Scan(&a.id, &a.body); err != nil {
			return foundArticle{}, fmt.Errorf("find the article of a quote: %w", err)
		}
		if _, m := anchor.Locate(a.body, sel); m != anchor.Orphaned {
			found = append(found, a)
		}
	}
	if err := rows.Err(); err != nil {
		return foundArticle{}, fmt.Errorf("find the article of a quote: %w", err)
	}
	if len(found) != 1 {
		return foundArticle{}, nil
	}
	return found[0], nil
}

// keepPending stores a record whose article is not in the library, unless
// the same record is already waiting.
func (s *Store) keepPending(ctx context.Context, tx *sql.Tx, r AnnotationRecord) error {
	data, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("keep annotation: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO pending_annotations (article_url, record, created_at)
		SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM pending_annotations WHERE record = ?)`,
		r.ArticleURL, string(data), s.timestamp(), string(data))
	if err != nil {
		return fmt.Errorf("keep annotation: %w", err)
	}
	return nil
}

// AttachPendingAnnotations attaches the kept annotations whose article is
// now in the library (see ImportAnnotations); the others keep waiting.
func (s *Store) AttachPendingAnnotations(ctx context.Context) (AnnotationImportReport, error) {
	rep := AnnotationImportReport{MissingArticles: []MissingArticle{}}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		pending, err := pendingRecords(ctx, tx)
		if err != nil {
			return err
		}
		finder := newArticleFinder(tx)
		missing := map[string]int{}
		for _, p := range pending {
			art, err := finder.find(ctx, p.record)
			if err != nil {
				return err
			}
			if art.id == 0 {
				rep.addMissing(missing, p.record)
				continue
			}
			if err := s.attachRecord(ctx, tx, art, p.record, &rep); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM pending_annotations WHERE id = ?`, p.id); err != nil {
				return fmt.Errorf("attach kept annotation: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return AnnotationImportReport{MissingArticles: []MissingArticle{}}, fmt.Errorf("attach kept annotations: %w", err)
	}
	return rep, nil
}

type pendingRecord struct {
	id     int64
	record AnnotationRecord
}

func pendingRecords(ctx context.Context, tx *sql.Tx) ([]pendingRecord, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, record FROM pending_annotations ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read kept annotations: %w", err)
	}
	defer rows.Close()
	var out []pendingRecord
	for rows.Next() {
		var p pendingRecord
		var data string
		if err := rows.Scan(&p.id, &data); err != nil {
			return nil, fmt.Errorf("read kept annotations: %w", err)
		}
		if err := json.Unmarshal([]byte(data), &p.record); err != nil {
			return nil, fmt.Errorf("read kept annotation %d: %w", p.id, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
