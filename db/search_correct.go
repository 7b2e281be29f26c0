package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"folio/db/query"
)

// Correction is a respelling of the words typed, taken from the library's
// own vocabulary: "goverment" finds a governess; "government" finds what
// was meant. It is offered above the results, one click away.
type Correction struct {
	Query string   `json:"query"` // the search with the words respelled
	Words []string `json:"words"` // the respelled words, as they will be searched
	Total int      `json:"total"` // how many that finds
}

// A word is respelled only when its stem is rare in the library (in at
// most rareDocs articles) and a stem a few edits away is in at least
// commonFactor times as many, and in commonDocs at least.
const (
	rareDocs     = 3
	commonFactor = 10
	commonDocs   = 5
	// spellSample is how many articles holding the better stem are read
	// to find the written word it stands for.
	spellSample = 8
)

// correct offers a respelled search when some of the plain words typed are
// rare in the library and close to common ones; nil when none is, or the
// respelled search finds nothing (its filters rule everything out).
func (s *Store) correct(ctx context.Context, m *searchMeta, q query.Query, typing bool) (*Correction, error) {
	parts := plainWords(q, typing)
	if len(parts) == 0 {
		return nil, nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("spelling: %w", err)
	}
	defer conn.Close()
	if err := prepareSpelling(ctx, conn); err != nil {
		return nil, err
	}
	input := q.Input
	var words []string
	for i := len(parts) - 1; i >= 0; i-- { // from the end, so earlier spans stay valid
		p := parts[i]
		better, err := respell(ctx, conn, strings.ToLower(p.Text))
		if err != nil {
			return nil, err
		}
		if better != "" {
			input = input[:p.Start] + better + input[p.End:]
			words = append([]string{better}, words...)
		}
	}
	if len(words) == 0 {
		return nil, nil
	}
	n, err := s.count(ctx, m, query.Parse(input))
	if err != nil || n == 0 {
		return nil, err
	}
	return &Correction{Query: input, Words: words, Total: n}, nil
}

// plainWords are the parts of a query that are single words of four
// letters or more: no filters, phrases, prefixes or operators. While the
// person is typing, the last part is still being written and is left alone.
func plainWords(q query.Query, typing bool) []query.Part {
	if q.InNotes {
		return nil
	}
	parts := q.Parts
	if typing && len(parts) > 0 {
		parts = parts[:len(parts)-1]
	}
	var out []query.Part
	for _, p := range parts {
		if utf8.RuneCountInString(p.Text) < 4 || p.Text == "AND" || p.Text == "NOT" {
			continue
		}
		plain := true
		for _, r := range p.Text {
			if !unicode.IsLetter(r) {
				plain = false
				break
			}
		}
		if plain {
			out = append(out, p)
		}
	}
	return out
}

// prepareSpelling makes, on this connection, the vocabulary of the article
// index (fts5vocab) and a scratch index with the same tokenizer, which
// turns a typed word into the stem the index holds.
func prepareSpelling(ctx context.Context, conn *sql.Conn) error {
	for _, stmt := range []string{
		`CREATE VIRTUAL TABLE IF NOT EXISTS temp.folio_vocab USING fts5vocab(main, articles_fts, row)`,
		`CREATE VIRTUAL TABLE IF NOT EXISTS temp.folio_spell USING fts5(w, tokenize = 'porter unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE IF NOT EXISTS temp.folio_spell_vocab USING fts5vocab(temp, folio_spell, row)`,
	} {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("spelling: prepare the vocabulary: %w", err)
		}
	}
	return nil
}

// respell returns the written word the library most likely means by a
// word whose stem it rarely holds, or "" when the word is fine or nothing
// close is common enough.
func respell(ctx context.Context, conn *sql.Conn, word string) (string, error) {
	docs, err := wordDocs(ctx, conn, word)
	if err != nil || docs > rareDocs {
		return "", err
	}
	stem, err := stemOf(ctx, conn, word)
	if err != nil || stem == "" {
		return "", err
	}
	better, err := closeStem(ctx, conn, stem, word, max(commonDocs, commonFactor*docs))
	if err != nil || better == "" {
		return "", err
	}
	return writtenWord(ctx, conn, better, word)
}

// stemOf is the term the article index holds for a word.
func stemOf(ctx context.Context, conn *sql.Conn, word string) (string, error) {
	if _, err := conn.ExecContext(ctx, `DELETE FROM temp.folio_spell`); err != nil {
		return "", fmt.Errorf("spelling: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO temp.folio_spell (w) VALUES (?)`, word); err != nil {
		return "", fmt.Errorf("spelling: %w", err)
	}
	var stem string
	err := conn.QueryRowContext(ctx, `SELECT term FROM temp.folio_spell_vocab LIMIT 1`).Scan(&stem)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("spelling: stem %q: %w", word, err)
	}
	return stem, nil
}

// wordDocs is how many articles hold a word, counted up to rareDocs+1
// only: a common word's count would cost a walk through its whole list
// (as the vocabulary's count does), on every search.
func wordDocs(ctx context.Context, conn *sql.Conn, word string) (int, error) {
	var n int
	err := conn.QueryRowContext(ctx, `SELECT count(*) FROM
		(SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)`, query.Quote(word), rareDocs+1).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("spelling: count %q: %w", word, err)
	}
	return n, nil
}

// closeStem finds the stem nearest to a rare one (fewest edits, then most
// articles) among those with the same first letter held by at least
// minDocs articles; "" when none is within reach. Nearness is measured to
// the rare stem and to the start of the word as typed, since a stem is
// often the start of its words ("minist" of "minster", once respelled).
func closeStem(ctx context.Context, conn *sql.Conn, stem, typed string, minDocs int) (string, error) {
	first, size := utf8.DecodeRuneInString(stem)
	if first == utf8.RuneError {
		return "", nil
	}
	reach := maxEdits(typed)
	rows, err := conn.QueryContext(ctx, `SELECT term, doc FROM temp.folio_vocab WHERE term >= ? AND term < ? AND doc >= ?`,
		stem[:size], string(first+1), minDocs)
	if err != nil {
		return "", fmt.Errorf("spelling: near %q: %w", stem, err)
	}
	defer rows.Close()
	rare, word := []rune(stem), []rune(typed)
	best, bestEdits, bestDocs := "", reach+1, 0
	for rows.Next() {
		var term string
		var docs int
		if err := rows.Scan(&term, &docs); err != nil {
			return "", fmt.Errorf("spelling: near %q: %w", stem, err)
		}
		if term == stem || utf8.RuneCountInString(term) < len(rare)-1 {
			continue // itself, or so short it would be the start of many words
		}
		d := nearness([]rune(term), rare, word, reach)
		if d > 0 && d <= reach && (d < bestEdits || d == bestEdits && docs > bestDocs) {
			best, bestEdits, bestDocs = term, d, docs
		}
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("spelling: near %q: %w", stem, err)
	}
	return best, nil
}

// nearness is how many edits turn a candidate stem into the rare stem, or
// into the start of the typed word, whichever is fewer (limit+1 when both
// are more than limit).
func nearness(candidate, stem, typed []rune, limit int) int {
	d := editDistance(stem, candidate, limit)
	for j := max(1, len(candidate)-limit); j <= min(len(typed), len(candidate)+limit); j++ {
		d = min(d, editDistance(candidate, typed[:j], limit))
	}
	return d
}

// writtenWord finds how the library writes a stem: among the words of a
// few articles that hold it, the one nearest to what was typed, then the
// most frequent. "" when no word there is within reach of the typed one.
func writtenWord(ctx context.Context, conn *sql.Conn, stem, typed string) (string, error) {
	rows, err := conn.QueryContext(ctx, `SELECT a.title || ' ' || a.body FROM articles a
		WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?) AND a.deleted_at IS NULL`,
		`"`+stem+`"`, spellSample)
	if err != nil {
		return "", fmt.Errorf("spelling: read %q: %w", stem, err)
	}
	defer rows.Close()
	seen := map[string]int{}
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return "", fmt.Errorf("spelling: read %q: %w", stem, err)
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
			seen[w]++
		}
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("spelling: read %q: %w", stem, err)
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	sort.Strings(words) // ties go the same way every time
	target, reach := []rune(typed), maxEdits(typed)
	best, bestEdits := "", reach+1
	for _, w := range words {
		d := editDistance(target, []rune(w), reach)
		if d > 0 && d <= reach && (d < bestEdits || d == bestEdits && seen[w] > seen[best]) {
			best, bestEdits = w, d
		}
	}
	return best, nil
}

// maxEdits is how far a respelling may be: one edit in a short word, two
// in a longer one.
func maxEdits(word string) int {
	if utf8.RuneCountInString(word) < 6 {
		return 1
	}
	return 2
}

// editDistance is the Levenshtein distance between a and b, or limit+1
// when it is more than limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit+1)
}
