// Package corpus generates realistic libraries for benchmarks: articles of
// about 1.5 KB with a varied vocabulary, dates, sources and tags. Sentences
// are recombined from a folder of real articles when one is given (the BBC
// research corpus on development machines); otherwise words are drawn from
// a Zipf distribution over a synthetic vocabulary, so text never repeats one
// sentence.
package corpus

import (
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

// Article is one generated article.
type Article struct {
	Title     string
	Source    string
	Published string // YYYY-MM-DD
	Tags      []string
	Body      string // paragraphs separated by a blank line
}

// Generator makes articles deterministically from a seed.
type Generator struct {
	rng       *rand.Rand
	sentences []string // recombined when there are enough
	words     []string // Zipf vocabulary otherwise
	zipf      *rand.Zipf
}

// BodySize is the target body length in bytes.
const BodySize = 1500

var sources = []string{"Reuters", "Associated Press", "BBC News", "Agence France-Presse", "The Guardian",
	"Al Jazeera", "Deutsche Welle", "NHK World", "The Hindu", "Le Monde"}

var tags = []string{"politics", "business", "tech", "sport", "entertainment", "energy", "region/europe",
	"region/asia", "region/africa", "region/americas", "health", "science", "climate", "elections"}

// New returns a generator. sentencesDir, when it exists, supplies real
// sentences to recombine; "" or a missing folder means Zipf words.
func New(seed int64, sentencesDir string) *Generator {
	g := &Generator{rng: rand.New(rand.NewSource(seed))}
	if sentencesDir != "" {
		g.sentences = readSentences(sentencesDir)
	}
	if len(g.sentences) < 1000 {
		g.sentences = nil
		g.words = syntheticVocabulary(g.rng, 40000)
		g.zipf = rand.NewZipf(g.rng, 1.07, 2, uint64(len(g.words)-1))
	}
	return g
}

// UsesRealSentences reports whether text comes from a real corpus.
func (g *Generator) UsesRealSentences() bool { return g.sentences != nil }

// Next returns the next article; the i-th call is the same for the same seed.
func (g *Generator) Next(i int) Article {
	a := Article{
		Title:     g.title(),
		Source:    sources[g.rng.Intn(len(sources))],
		Published: fmt.Sprintf("%04d-%02d-%02d", 2000+g.rng.Intn(26), 1+g.rng.Intn(12), 1+g.rng.Intn(28)),
		Body:      g.body(),
	}
	for n := g.rng.Intn(3); n > 0; n-- {
		a.Tags = append(a.Tags, tags[g.rng.Intn(len(tags))])
	}
	// A serial number keeps every text distinct even if sentences repeat.
	a.Body += fmt.Sprintf("\n\nReference %d.", i)
	return a
}

func (g *Generator) title() string {
	if g.sentences != nil {
		s := g.sentences[g.rng.Intn(len(g.sentences))]
		if len(s) > 90 {
			s = s[:strings.LastIndex(s[:90], " ")]
		}
		return strings.TrimRight(s, ".")
	}
	words := make([]string, 4+g.rng.Intn(6))
	for i := range words {
		words[i] = g.word()
	}
	words[0] = strings.ToUpper(words[0][:1]) + words[0][1:]
	return strings.Join(words, " ")
}

func (g *Generator) body() string {
	var b strings.Builder
	para := 0
	for b.Len() < BodySize {
		if para > 2+g.rng.Intn(3) {
			b.WriteString("\n\n")
			para = 0
		} else if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(g.sentence())
		para++
	}
	return b.String()
}

func (g *Generator) sentence() string {
	if g.sentences != nil {
		return g.sentences[g.rng.Intn(len(g.sentences))]
	}
	words := make([]string, 8+g.rng.Intn(18))
	for i := range words {
		words[i] = g.word()
	}
	words[0] = strings.ToUpper(words[0][:1]) + words[0][1:]
	return strings.Join(words, " ") + "."
}

func (g *Generator) word() string { return g.words[g.zipf.Uint64()] }

// syntheticVocabulary makes pronounceable words; the most frequent ranks
// are real function words so common-word queries behave as in real text.
func syntheticVocabulary(rng *rand.Rand, n int) []string {
	common := []string{"the", "of", "and", "to", "a", "in", "said", "that", "for", "is", "on", "it", "was",
		"with", "he", "as", "by", "at", "from", "his", "be", "has", "have", "are", "but", "not", "this"}
	consonants := "bcdfghklmnprstvz"
	vowels := "aeiou"
	seen := map[string]bool{}
	words := append([]string{}, common...)
	for _, w := range common {
		seen[w] = true
	}
	for len(words) < n {
		var b strings.Builder
		for s := 1 + rng.Intn(3); s > 0; s-- {
			b.WriteByte(consonants[rng.Intn(len(consonants))])
			b.WriteByte(vowels[rng.Intn(len(vowels))])
			if rng.Intn(2) == 0 {
				b.WriteByte(consonants[rng.Intn(len(consonants))])
			}
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

// readSentences splits every .txt file under dir into sentences.
func readSentences(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		_, body, _ := strings.Cut(string(data), "\n")
		for _, s := range strings.SplitAfter(strings.Join(strings.Fields(body), " "), ". ") {
			if s = strings.TrimSpace(s); len(s) > 30 && len(s) < 400 {
				out = append(out, s)
			}
		}
		return nil
	})
	return out
}

// WriteFiles writes n articles as title-first text files under dir, in
// subfolders of 1,000, and returns their paths.
func (g *Generator) WriteFiles(dir string, n int) ([]string, error) {
	paths := make([]string, 0, n)
	for i := 0; i < n; i++ {
		a := g.Next(i)
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return nil, err
			}
		}
		p := filepath.Join(sub, fmt.Sprintf("%06d.txt", i))
		if err := os.WriteFile(p, []byte(a.Title+"\n\n"+a.Body+"\n"), 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// SharedCorpus is where development machines keep the BBC research corpus,
// relative to the repository; it is not part of the repository.
const SharedCorpus = "../shared/corpus/bbc"
