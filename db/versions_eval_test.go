package db

// Versions of the same story, measured on the BBC corpus: copies of its
// articles changed as news is republished must be grouped with their
// original, and its distinct articles (each of the five folders is one
// subject) must not be grouped with each other.
//
//	go test -run '^$' -bench 'VersionsQuality$' -benchtime 1x ./db/    (part of make eval)

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// versionKinds are the ways a copy is changed, each applied to every
// sampled article.
var versionKinds = []struct {
	name   string
	change func(rng *rand.Rand, a NewArticle, other NewArticle) NewArticle
}{
	{"10% of the words changed", changeWords(0.10)},
	{"5% of the words changed", changeWords(0.05)},
	{"a paragraph added", addParagraph},
	{"a paragraph removed", removeParagraph},
	{"boilerplate around it", addBoilerplate},
}

// versionSentences is the share of its sentences a republished version
// keeps word for word: the corpus's own articles grouped together are
// judged by it, as it is not what the grouping looks at (shingles).
const versionSentences = 0.2

// versionSample is how many articles are copied, with each change.
const versionSample = 300

func BenchmarkVersionsQuality(b *testing.B) {
	docs, keys, err := readBBC(filepath.Join(sharedCorpusDir(), "bbc"))
	if err != nil || len(docs) == 0 {
		b.Skipf("BBC corpus not found (%v; set FOLIO_SHARED): skipped", err)
	}
	for b.Loop() {
		lib := newEvalLibrary(b, docs, keys)
		ctx := context.Background()
		stored := len(lib.keys)
		pairs, err := groupedPairs(ctx, lib)
		if err != nil {
			b.Fatal(err)
		}
		byKey := map[string]NewArticle{}
		for i, k := range keys {
			byKey[k] = docs[i]
		}
		var wrong []string
		for _, p := range pairs {
			x, y, _ := strings.Cut(p, " ~ ")
			if _, sentences := exactOverlap(byKey[x].Title+"\n"+byKey[x].Body, byKey[y].Title+"\n"+byKey[y].Body); sentences < versionSentences {
				wrong = append(wrong, p)
			}
		}
		fmt.Printf("    BBC versions: %d distinct articles imported, %d grouped with an earlier one:\n", stored, len(pairs))
		fmt.Printf("      %d share at least %.0f%% of their sentences word for word (the corpus's own republished versions)\n",
			len(pairs)-len(wrong), 100*versionSentences)
		fmt.Printf("      %d do not: wrongly grouped, %.2f%% of the articles %v\n", len(wrong), 100*float64(len(wrong))/float64(stored), wrong)
		b.ReportMetric(100*float64(len(wrong))/float64(stored), "wrongly-grouped-%")
		rng := rand.New(rand.NewSource(11))
		for _, kind := range versionKinds {
			found, err := groupCopies(ctx, lib, docs, keys, rng, kind.change)
			if err != nil {
				b.Fatal(err)
			}
			fmt.Printf("      copies with %-28s grouped with their original: %5.1f%%\n", kind.name+":", 100*found)
			b.ReportMetric(100*found, strings.ReplaceAll(kind.name, " ", "_")+"-found-%")
		}
	}
}

// groupedPairs lists the imported articles grouped with another, each as
// "key ~ key of the story's first".
func groupedPairs(ctx context.Context, lib *evalLibrary) ([]string, error) {
	rows, err := lib.s.db.QueryContext(ctx, `SELECT id, story_id FROM articles WHERE story_id IS NOT NULL AND story_id <> id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, story int64
		if err := rows.Scan(&id, &story); err != nil {
			return nil, err
		}
		out = append(out, lib.keys[id]+" ~ "+lib.keys[story])
	}
	slices.Sort(out)
	return out, rows.Err()
}

// groupCopies imports a changed copy of versionSample articles and
// returns the share grouped with their original's story.
func groupCopies(ctx context.Context, lib *evalLibrary, docs []NewArticle, keys []string, rng *rand.Rand,
	change func(*rand.Rand, NewArticle, NewArticle) NewArticle) (float64, error) {
	byKey := map[string]int64{}
	for id, k := range lib.keys {
		byKey[k] = id
	}
	var batch []NewArticle
	var originals []int64
	for _, i := range rng.Perm(len(docs))[:versionSample] {
		orig, ok := byKey[keys[i]]
		if !ok {
			continue // a duplicate in the corpus itself
		}
		c := change(rng, docs[i], docs[rng.Intn(len(docs))])
		c.Path = fmt.Sprintf("copy/%d/%s", len(batch), keys[i])
		batch = append(batch, c)
		originals = append(originals, orig)
	}
	out, err := lib.s.ImportArticles(ctx, batch)
	if err != nil {
		return 0, err
	}
	found := 0
	for i, o := range out {
		var same bool
		err := lib.s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT story_id FROM articles WHERE id = ?), -1) =
			coalesce((SELECT story_id FROM articles WHERE id = ?), -2)`, o.ID, originals[i]).Scan(&same)
		if err != nil {
			return 0, err
		}
		if same {
			found++
		}
	}
	// The copies go again, so that each kind is measured on its own.
	for _, o := range out {
		if _, err := lib.s.db.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, o.ID); err != nil {
			return 0, err
		}
	}
	return float64(found) / float64(len(out)), nil
}

// changeWords replaces a share of the body's words with words of other
// articles: corrections, reworded sentences, a changed figure.
func changeWords(share float64) func(*rand.Rand, NewArticle, NewArticle) NewArticle {
	return func(rng *rand.Rand, a, other NewArticle) NewArticle {
		words := strings.Fields(a.Body)
		pool := strings.Fields(other.Body)
		n := int(share * float64(len(words)))
		for _, i := range rng.Perm(len(words))[:n] {
			words[i] = pool[rng.Intn(len(pool))]
		}
		a.Body = strings.Join(words, " ")
		return a
	}
}

// addParagraph adds a paragraph (of another article) at a random place:
// an update with new facts.
func addParagraph(rng *rand.Rand, a, other NewArticle) NewArticle {
	paras := paragraphs(a.Body)
	extra := paragraphs(other.Body)
	at := rng.Intn(len(paras) + 1)
	paras = slices.Insert(paras, at, extra[rng.Intn(len(extra))])
	a.Body = strings.Join(paras, "\n\n")
	return a
}

// removeParagraph drops one paragraph, when there are two or more.
func removeParagraph(rng *rand.Rand, a, _ NewArticle) NewArticle {
	paras := paragraphs(a.Body)
	if len(paras) > 1 {
		at := rng.Intn(len(paras))
		paras = slices.Delete(paras, at, at+1)
	}
	a.Body = strings.Join(paras, "\n\n")
	return a
}

// addBoilerplate wraps the article in what a saved web page keeps of its
// site: navigation, a cookie notice, sharing links, related headlines.
func addBoilerplate(rng *rand.Rand, a, other NewArticle) NewArticle {
	header := "Home News Sport Business Technology Entertainment Weather Sign in Register. " +
		"We use cookies to give you the best experience on our website. Accept all cookies. Manage settings."
	footer := "Share this article on Facebook, Twitter, WhatsApp or by email. Advertisement. " +
		"Related stories: " + other.Title + ". More from this section. Most read. " +
		"Terms of use. About us. Privacy policy. Contact us. Copyright 2005."
	a.Body = header + "\n\n" + a.Body + "\n\n" + footer
	return a
}

// paragraphs are the body's non-empty lines: some of the corpus's files
// separate paragraphs by a blank line, some by a line break, and some run
// all but the first together, which are cut every three sentences.
func paragraphs(body string) []string {
	var out []string
	for _, line := range strings.Split(body, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if len(line) < 600 {
			out = append(out, line)
			continue
		}
		sentences := strings.SplitAfter(line, ". ")
		for i := 0; i < len(sentences); i += 3 {
			out = append(out, strings.Join(sentences[i:min(i+3, len(sentences))], ""))
		}
	}
	return out
}

// exactOverlap is the share of the shorter text's three-word shingles
// found in the other, counted exactly, and the share of its sentences
// found word for word in the other.
func exactOverlap(a, b string) (shingles, sentences float64) {
	sa, sb := shingleSet(a), shingleSet(b)
	common := 0
	for s := range sa {
		if sb[s] {
			common++
		}
	}
	shingles = float64(common) / float64(max(1, min(len(sa), len(sb))))
	xa, xb := sentenceSet(a), sentenceSet(b)
	if len(xb) < len(xa) {
		xa, xb = xb, xa
	}
	same := 0
	for s := range xa {
		if xb[s] {
			same++
		}
	}
	return shingles, float64(same) / float64(max(1, len(xa)))
}

func shingleSet(text string) map[string]bool {
	words := evalWords(text)
	set := map[string]bool{}
	for i := 0; i+shingleWords <= len(words); i++ {
		set[strings.Join(words[i:i+shingleWords], " ")] = true
	}
	return set
}

func sentenceSet(text string) map[string]bool {
	set := map[string]bool{}
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '\n' || r == '?' || r == '!' }) {
		if w := evalWords(s); len(w) >= 5 {
			set[strings.Join(w, " ")] = true
		}
	}
	return set
}
