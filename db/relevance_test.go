package db

// Relevance evaluation: how well search puts the best article first, on
// the Cranfield test collection and a known-item test on the BBC corpus,
// beside SQLite's own bm25() on the same library in the same run.
//
//	make eval    (go test -run '^$' -bench Relevance -benchtime 1x ./db/)
//
// Both collections are research data kept outside the repository
// (../shared/corpus); each part is skipped with a note when its data is
// absent. The figures are written up in docs/relevance.md.

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// evalDir is where the research collections live, relative to this package.
const evalDir = "../../shared/corpus"

// evalQuery is one query with its judged answers: document key → gain
// (higher is more relevant; every listed document counts as relevant).
type evalQuery struct {
	text string
	rel  map[string]int
}

// evalDepth is how deep each ranking is read, as trec_eval reads a run of
// 1,000.
const evalDepth = 1000

// evalRun is one way of searching: the ranked document keys for a query.
type evalRun struct {
	name   string
	search func(q evalQuery) ([]string, error)
}

// evalLibrary is a library built from a collection, with each article's
// collection key.
type evalLibrary struct {
	s     *Store
	keys  map[int64]string
	canon map[string]string // key → the key of the copy stored (duplicates are stored once)
}

func newEvalLibrary(b *testing.B, docs []NewArticle, keys []string) *evalLibrary {
	b.Helper()
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	out, err := s.ImportArticles(ctx, docs)
	if err != nil {
		b.Fatal(err)
	}
	lib := &evalLibrary{s: s, keys: map[int64]string{}, canon: map[string]string{}}
	for i, o := range out {
		if _, dup := lib.keys[o.ID]; !dup { // a duplicate answers as the first copy
			lib.keys[o.ID] = keys[i]
		}
		lib.canon[keys[i]] = lib.keys[o.ID]
	}
	if err := s.Optimize(ctx); err != nil {
		b.Fatal(err)
	}
	return lib
}

// folio ranks with Store.SearchArticleIDs, which orders exactly as the
// search box does; input turns the query's text into what is typed.
func (lib *evalLibrary) folio(input func(string) string) func(evalQuery) ([]string, error) {
	return func(q evalQuery) ([]string, error) {
		ids, err := lib.s.SearchArticleIDs(context.Background(), input(q.text))
		if err != nil {
			return nil, err
		}
		return lib.keysOf(ids[:min(len(ids), evalDepth)]), nil
	}
}

// plainBM25 ranks the query's words joined by OR with SQLite's own bm25()
// and no column weights: the baseline.
func (lib *evalLibrary) plainBM25(q evalQuery) ([]string, error) {
	words := evalWords(q.text)
	if len(words) == 0 {
		return nil, nil
	}
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	ids, err := queryIDs(context.Background(), lib.s.db, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
		ORDER BY bm25(articles_fts) LIMIT ?`, strings.Join(words, " OR "), evalDepth)
	return lib.keysOf(ids), err
}

func (lib *evalLibrary) keysOf(ids []int64) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = lib.keys[id]
	}
	return out
}

// evalWords splits text into words (letters and digits), lower-cased.
func evalWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// orQuery is the query's words joined by OR, as a person would type it.
func orQuery(text string) string { return strings.Join(evalWords(text), " OR ") }

// typedQuery is the query's text as typed or pasted.
func typedQuery(text string) string { return text }

// evalScores are the measures of one run over a set of queries.
type evalScores struct {
	MAP, P10, NDCG10, MRR, S1 float64
}

func scoreRun(b *testing.B, run evalRun, queries []evalQuery) evalScores {
	b.Helper()
	var sum evalScores
	for _, q := range queries {
		ranked, err := run.search(q)
		if err != nil {
			b.Fatalf("%s: %q: %v", run.name, q.text, err)
		}
		sum.MAP += averagePrecision(ranked, q.rel)
		sum.P10 += precisionAt(ranked, q.rel, 10)
		sum.NDCG10 += ndcgAt(ranked, q.rel, 10)
		rr := reciprocalRank(ranked, q.rel)
		sum.MRR += rr
		if rr == 1 {
			sum.S1++
		}
	}
	n := float64(len(queries))
	return evalScores{sum.MAP / n, sum.P10 / n, sum.NDCG10 / n, sum.MRR / n, sum.S1 / n}
}

func averagePrecision(ranked []string, rel map[string]int) float64 {
	if len(rel) == 0 {
		return 0
	}
	hits, sum := 0, 0.0
	for i, k := range ranked {
		if rel[k] > 0 {
			hits++
			sum += float64(hits) / float64(i+1)
		}
	}
	return sum / float64(len(rel))
}

func precisionAt(ranked []string, rel map[string]int, k int) float64 {
	hits := 0
	for _, key := range ranked[:min(k, len(ranked))] {
		if rel[key] > 0 {
			hits++
		}
	}
	return float64(hits) / float64(k)
}

func ndcgAt(ranked []string, rel map[string]int, k int) float64 {
	dcg := 0.0
	for i, key := range ranked[:min(k, len(ranked))] {
		dcg += float64(rel[key]) / math.Log2(float64(i+2))
	}
	var gains []int
	for _, g := range rel {
		gains = append(gains, g)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(gains)))
	ideal := 0.0
	for i, g := range gains[:min(k, len(gains))] {
		ideal += float64(g) / math.Log2(float64(i+2))
	}
	if ideal == 0 {
		return 0
	}
	return dcg / ideal
}

func reciprocalRank(ranked []string, rel map[string]int) float64 {
	for i, k := range ranked {
		if rel[k] > 0 {
			return 1 / float64(i+1)
		}
	}
	return 0
}

func BenchmarkRelevance(b *testing.B) {
	b.Run("cranfield", benchCranfield)
	b.Run("bbc-known-item", benchKnownItem)
}

func printScores(name string, s evalScores, knownItem bool) {
	if knownItem {
		fmt.Printf("    %-34s MRR %.3f  success@1 %.2f\n", name, s.MRR, s.S1)
		return
	}
	fmt.Printf("    %-34s MAP %.4f  P@10 %.4f  nDCG@10 %.4f\n", name, s.MAP, s.P10, s.NDCG10)
}

func benchCranfield(b *testing.B) {
	dir := filepath.Join(evalDir, "ir", "cranfield")
	docs, keys, err := readCranfieldDocs(filepath.Join(dir, "cran.all.1400"))
	if err != nil {
		b.Skipf("Cranfield collection not found (%v): skipped", err)
	}
	queries, err := readCranfieldQueries(filepath.Join(dir, "cran.qry"), filepath.Join(dir, "cranqrel"))
	if err != nil {
		b.Fatal(err)
	}
	lib := newEvalLibrary(b, docs, keys)
	runs := []evalRun{
		{"plain FTS5 bm25, words OR", lib.plainBM25},
		{"Folio, words OR", lib.folio(orQuery)},
		{"Folio, the question as typed", lib.folio(typedQuery)},
	}
	stories := lib.stories(b)
	for b.Loop() {
		fmt.Printf("    Cranfield: %d documents, %d queries with judgements\n", len(docs), len(queries))
		for _, run := range runs {
			s := scoreRun(b, run, queries)
			printScores(run.name, s, false)
			b.ReportMetric(s.MAP, strings.ReplaceAll(run.name, " ", "_")+"-MAP")
		}
		fmt.Printf("    the same, a version of the document's story (%d documents grouped by the import) counting as the document:\n",
			stories.grouped())
		for _, run := range runs {
			s := scoreRun(b, stories.run(run), stories.queries(queries))
			printScores(run.name, s, false)
			b.ReportMetric(s.MAP, strings.ReplaceAll(run.name, " ", "_")+"-story-MAP")
		}
	}
}

// readCranfieldDocs reads cran.all.1400: .I id, .T title, .A authors,
// .B where published, .W the abstract. The title becomes the article's
// title, the authors its byline, the abstract its body.
func readCranfieldDocs(path string) ([]NewArticle, []string, error) {
	fields, err := readSMART(path)
	if err != nil {
		return nil, nil, err
	}
	var docs []NewArticle
	var keys []string
	for _, f := range fields {
		docs = append(docs, NewArticle{Title: f["T"], Byline: f["A"], Body: f["W"], Path: "cran/" + f["I"]})
		keys = append(keys, f["I"])
	}
	return docs, keys, nil
}

// readCranfieldQueries reads cran.qry and its judgements. The judgements
// number the queries 1, 2, 3… in file order (not by their .I ids), and
// grade documents 1 (a complete answer) to 4 (of minimum interest); -1
// (no interest) is not relevant. Gains for nDCG: 4 for grade 1 … 1 for
// grade 4.
func readCranfieldQueries(qryPath, relPath string) ([]evalQuery, error) {
	fields, err := readSMART(qryPath)
	if err != nil {
		return nil, err
	}
	queries := make([]evalQuery, len(fields))
	for i, f := range fields {
		queries[i] = evalQuery{text: f["W"], rel: map[string]int{}}
	}
	data, err := os.ReadFile(relPath)
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		cols := strings.Fields(line)
		if len(cols) != 3 {
			continue
		}
		qn, err1 := strconv.Atoi(cols[0])
		grade, err2 := strconv.Atoi(cols[2])
		if err1 != nil || err2 != nil || qn < 1 || qn > len(queries) {
			return nil, fmt.Errorf("%s: bad line %q", relPath, line)
		}
		if grade >= 1 && grade <= 4 {
			queries[qn-1].rel[cols[1]] = 5 - grade
		}
	}
	var judged []evalQuery
	for _, q := range queries {
		if len(q.rel) > 0 {
			judged = append(judged, q)
		}
	}
	return judged, nil
}

// readSMART reads a file in the SMART format: records that start with
// ".I id", fields that start with ".X" on a line of their own.
func readSMART(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []map[string]string
	var field string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, ".I "):
			out = append(out, map[string]string{"I": strings.TrimSpace(line[3:])})
			field = ""
		case len(line) == 2 && line[0] == '.' && len(out) > 0:
			field = line[1:]
		case field != "" && len(out) > 0:
			rec := out[len(out)-1]
			rec[field] = strings.TrimSpace(rec[field] + "\n" + line)
		}
	}
	return out, sc.Err()
}

// The BBC known-item test: knownItems articles chosen at random (seeded),
// each looked for with three words of its body whose document frequency
// is middling (knownItemMinDF to knownItemMaxDF articles of 2,225), joined
// by OR or typed plainly. Success is the article first.
const (
	knownItems     = 100
	knownItemSeed  = 7
	knownItemMinDF = 5
	knownItemMaxDF = 100
)

func benchKnownItem(b *testing.B) {
	docs, keys, err := readBBC(filepath.Join(evalDir, "bbc"))
	if err != nil || len(docs) == 0 {
		b.Skipf("BBC corpus not found (%v): skipped", err)
	}
	lib := newEvalLibrary(b, docs, keys)
	queries := knownItemQueries(docs, keys, lib.canon)
	runs := []evalRun{
		{"plain FTS5 bm25, words OR", lib.plainBM25},
		{"Folio, words OR", lib.folio(func(t string) string { return orQuery(t) })},
		{"Folio, words typed plainly", lib.folio(typedQuery)},
	}
	stories := lib.stories(b)
	for b.Loop() {
		fmt.Printf("    BBC known items: %d articles, %d queries of 3 words (document frequency %d–%d)\n",
			len(docs), len(queries), knownItemMinDF, knownItemMaxDF)
		for _, run := range runs {
			s := scoreRun(b, run, queries)
			printScores(run.name, s, true)
			b.ReportMetric(s.MRR, strings.ReplaceAll(run.name, " ", "_")+"-MRR")
		}
		fmt.Println("    the same, a version of the article's story (as the import groups them) counting as the article:")
		for _, run := range runs {
			s := scoreRun(b, stories.run(run), stories.queries(queries))
			printScores(run.name, s, true)
			b.ReportMetric(s.MRR, strings.ReplaceAll(run.name, " ", "_")+"-story-MRR")
		}
	}
}

// storyKeys maps each document key to the key of its story's first
// version (itself when it has no other version).
type storyKeys map[string]string

// stories reads how the import grouped the library's articles into
// stories.
func (lib *evalLibrary) stories(b *testing.B) storyKeys {
	b.Helper()
	rows, err := lib.s.db.Query(`SELECT id, coalesce(story_id, id) FROM articles`)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	out := storyKeys{}
	for rows.Next() {
		var id, story int64
		if err := rows.Scan(&id, &story); err != nil {
			b.Fatal(err)
		}
		out[lib.keys[id]] = lib.keys[story]
	}
	return out
}

// grouped is how many documents the import made later versions of another.
func (st storyKeys) grouped() int {
	n := 0
	for k, s := range st {
		if k != s {
			n++
		}
	}
	return n
}

// run ranks stories: each key becomes its story's, a story listed once,
// where its best version stands.
func (st storyKeys) run(r evalRun) evalRun {
	return evalRun{r.name, func(q evalQuery) ([]string, error) {
		ranked, err := r.search(q)
		seen := map[string]bool{}
		var out []string
		for _, k := range ranked {
			if s := st[k]; !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
		return out, err
	}}
}

// queries are the queries with their answers as stories.
func (st storyKeys) queries(qs []evalQuery) []evalQuery {
	out := make([]evalQuery, len(qs))
	for i, q := range qs {
		rel := map[string]int{}
		for k, g := range q.rel {
			rel[st[k]] = max(rel[st[k]], g)
		}
		out[i] = evalQuery{text: q.text, rel: rel}
	}
	return out
}

// readBBC reads the corpus's title-first text files, folder by folder.
func readBBC(dir string) ([]NewArticle, []string, error) {
	var docs []NewArticle
	var keys []string
	topics, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, topic := range topics {
		files, err := os.ReadDir(filepath.Join(dir, topic.Name()))
		if err != nil {
			continue
		}
		for _, f := range files {
			data, err := os.ReadFile(filepath.Join(dir, topic.Name(), f.Name()))
			if err != nil {
				return nil, nil, err
			}
			text := string(data)
			if !utf8.ValidString(text) {
				text = latin1(data)
			}
			title, body, _ := strings.Cut(strings.TrimSpace(text), "\n")
			key := topic.Name() + "/" + f.Name()
			docs = append(docs, NewArticle{Title: strings.TrimSpace(title), Body: strings.TrimSpace(body), Path: key})
			keys = append(keys, key)
		}
	}
	return docs, keys, nil
}

func latin1(data []byte) string {
	r := make([]rune, len(data))
	for i, c := range data {
		r[i] = rune(c)
	}
	return string(r)
}

// knownItemQueries picks the articles and their words.
func knownItemQueries(docs []NewArticle, keys []string, canon map[string]string) []evalQuery {
	df := map[string]int{}
	bodies := make([][]string, len(docs))
	for i, d := range docs {
		words := evalWords(d.Body)
		bodies[i] = words
		seen := map[string]bool{}
		for _, w := range words {
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	rng := rand.New(rand.NewSource(knownItemSeed))
	var out []evalQuery
	for _, i := range rng.Perm(len(docs)) {
		var pool []string
		for _, w := range bodies[i] {
			if df[w] >= knownItemMinDF && df[w] <= knownItemMaxDF && len(w) > 2 && !isNumber(w) && !slices.Contains(pool, w) {
				pool = append(pool, w)
			}
		}
		if len(pool) < 3 {
			continue
		}
		rng.Shuffle(len(pool), func(a, b int) { pool[a], pool[b] = pool[b], pool[a] })
		out = append(out, evalQuery{text: strings.Join(pool[:3], " "), rel: map[string]int{canon[keys[i]]: 1}})
		if len(out) == knownItems {
			break
		}
	}
	return out
}

func isNumber(w string) bool {
	_, err := strconv.Atoi(w)
	return err == nil
}

// BenchmarkRelevanceTuning prints the measures over a grid of the score's
// parameters (title weight, proximity weight), the tuning behind the
// values in rank.go:
//
//	go test -run '^$' -bench RelevanceTuning -benchtime 1x ./db/
func BenchmarkRelevanceTuning(b *testing.B) {
	cranDir := filepath.Join(evalDir, "ir", "cranfield")
	cdocs, ckeys, err1 := readCranfieldDocs(filepath.Join(cranDir, "cran.all.1400"))
	bdocs, bkeys, err2 := readBBC(filepath.Join(evalDir, "bbc"))
	if err1 != nil || err2 != nil {
		b.Skip("the development collections are not here: skipped")
	}
	cq, err := readCranfieldQueries(filepath.Join(cranDir, "cran.qry"), filepath.Join(cranDir, "cranqrel"))
	if err != nil {
		b.Fatal(err)
	}
	cran, bbc := newEvalLibrary(b, cdocs, ckeys), newEvalLibrary(b, bdocs, bkeys)
	bq := knownItemQueries(bdocs, bkeys, bbc.canon)
	defer func(w [4]float64, p, k, bb float64) {
		columnWeights, proximityWeight, bm25K1, bm25B = w, p, k, bb
	}(columnWeights, proximityWeight, bm25K1, bm25B)
	for b.Loop() {
		fmt.Println("    k1   b     title proximity | Cranfield MAP OR, typed; nDCG@10 OR | BBC MRR OR, typed")
		for _, title := range []float64{1, 2, 3, 5, 10} {
			for _, prox := range []float64{0, 0.25, 0.5, 1} {
				for _, kb := range [][2]float64{{1.2, 0.75}, {1.2, 0.5}, {0.9, 0.4}, {0.9, 0.5}} {
					bm25K1, bm25B = kb[0], kb[1]
					columnWeights, proximityWeight = [4]float64{title, 1, 1, 1}, prox
					cran.s.search.results = resultCache{}
					bbc.s.search.results = resultCache{}
					cor := scoreRun(b, evalRun{"or", cran.folio(orQuery)}, cq)
					cty := scoreRun(b, evalRun{"typed", cran.folio(typedQuery)}, cq)
					bor := scoreRun(b, evalRun{"or", bbc.folio(orQuery)}, bq)
					bty := scoreRun(b, evalRun{"typed", bbc.folio(typedQuery)}, bq)
					fmt.Printf("    %-4g %-5g %5g %9g | %.4f %.4f %.4f | %.3f %.3f\n", bm25K1, bm25B, title, prox,
						cor.MAP, cty.MAP, cor.NDCG10, bor.MRR, bty.MRR)
				}
			}
		}
	}
}
