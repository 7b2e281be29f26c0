package importer

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"

	"folio/app/export"
	"folio/db"
	"folio/db/names"
)

// Result statuses beyond the store's imported, duplicate and updated.
const (
	StatusSkipped = "skipped"
	StatusFailed  = "failed"
	// StatusAnnotations marks an exported file of highlights and notes whose
	// annotations were attached to the articles they belong to.
	StatusAnnotations = "annotations"
)

// Result is what happened to one file, or to one article of a file that
// holds several (a JSON array).
type Result struct {
	Path      string   `json:"path"`
	Status    string   `json:"status"`
	Error     string   `json:"error,omitempty"`
	ID        int64    `json:"id,omitempty"` // the stored article; for a duplicate, the one already there
	Title     string   `json:"title,omitempty"`
	Published string   `json:"published,omitempty"`
	Warnings  []string `json:"warnings,omitempty"`
}

// Counts tallies results by status.
type Counts struct {
	Imported   int `json:"imported"`
	Updated    int `json:"updated"`
	Duplicates int `json:"duplicates"`
	Skipped    int `json:"skipped"`
	Failed     int `json:"failed"`
	// Annotations counts highlights and notes attached from annotation exports.
	Annotations int `json:"annotations"`
}

func (c *Counts) add(status string) {
	switch status {
	case db.StatusImported:
		c.Imported++
	case db.StatusUpdated:
		c.Updated++
	case db.StatusDuplicate:
		c.Duplicates++
	case StatusSkipped:
		c.Skipped++
	case StatusAnnotations:
	default:
		c.Failed++
	}
}

// Progress is reported while an import runs.
type Progress struct {
	Counts
	FilesDone  int     `json:"filesDone"`
	FilesTotal int     `json:"filesTotal"`
	PerSecond  float64 `json:"perSecond"` // articles stored per second so far
}

// Report is the outcome of a whole import.
type Report struct {
	Counts
	Results   []Result `json:"results"`
	Cancelled bool     `json:"cancelled"`
	NotDone   int      `json:"notDone"` // files left when it was cancelled
	Seconds   float64  `json:"seconds"`
	// AttachedLater counts annotations kept by earlier imports, waiting for
	// their article, that this import brought in (also in Annotations).
	AttachedLater int `json:"attachedLater"`
	// Problem says what went wrong outside any one file.
	Problem string `json:"problem,omitempty"`
}

// Store is where imported articles and annotations go.
type Store interface {
	ImportArticles(ctx context.Context, batch []db.NewArticle) ([]db.ImportOutcome, error)
	ImportAnnotations(ctx context.Context, records []db.AnnotationRecord) (db.AnnotationImportReport, error)
	AttachPendingAnnotations(ctx context.Context) (db.AnnotationImportReport, error)
	BeforeImport(ctx context.Context, files int) error
	AfterImport(ctx context.Context, added int) error
	// NameLexicon is what the library knows about its names, to find names by.
	NameLexicon(ctx context.Context) (*names.Lexicon, error)
}

// Options tune an import.
type Options struct {
	// Tags are added to every imported article.
	Tags []string
	// FolderTags tags each article with the folder it came from, relative to
	// the dropped folder ("bbc/business").
	FolderTags bool
	// Progress, when set, is called from time to time and once at the end.
	Progress func(Progress)
	// BatchSize is how many articles go in one transaction.
	BatchSize int
	// BatchBytes is how many bytes of text (and HTML) go in one
	// transaction at most, unless one article alone has more.
	BatchBytes int
	// Workers is how many files are parsed at once.
	Workers int
}

// parsed is one source after parsing, before storing: articles, or the
// annotations of an exported file of highlights and notes.
type parsed struct {
	index       int
	weight      int64 // taken from the budget (see fileWeight)
	src         Source
	docs        []Document
	hashes      []string       // of each document (db.ContentHash)
	words       []int          // of each document (db.WordCount)
	names       [][]names.Name // by doc, found here so that the writer does not wait for it
	signatures  []*db.StorySignature
	annotations []db.AnnotationRecord
	err         error
}

// Run reads every source in parallel and stores the articles through one
// writer, in large transactions. Each transaction holds whole files, so
// killing the process mid-import leaves no half-imported article, and
// running the same import again completes it (what is there is reported as
// duplicate). Cancelling ctx stops after the batch being written.
func Run(ctx context.Context, store Store, sources []Source, opts Options) Report {
	opts = withDefaults(opts)
	start := time.Now()
	r := &runner{store: store, opts: opts, start: start, total: len(sources),
		results: make([][]Result, len(sources))}
	// Index upkeep only costs speed, so its failing fails no file.
	store.BeforeImport(ctx, len(sources))
	// Without it, names are found from each article alone.
	lex, _ := store.NameLexicon(ctx)
	// Room for a batch of parsed files: while the writer stores one batch,
	// the parsers go on with the next instead of stopping after a few
	// files. The budget, not the channel, bounds the memory they take.
	in := make(chan parsed, opts.BatchSize)
	r.budget = semaphore.NewWeighted(budgetBytes(opts, sources))
	go parseAll(ctx, sources, opts.Workers, lex, r.budget, in)
	r.consume(ctx, in)
	store.AfterImport(context.WithoutCancel(ctx), r.counts.Imported+r.counts.Updated)
	return r.report(time.Since(start))
}

func withDefaults(o Options) Options {
	if o.BatchSize <= 0 {
		o.BatchSize = 2000
	}
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.BatchBytes <= 0 {
		o.BatchBytes = 16 << 20
	}
	return o
}

// budgetBytes bounds the bytes of the files read but not yet stored (being
// parsed, parsed and waiting, or in the batch being filled), and so the
// import's memory, whatever the files: a batch is stored once it holds
// BatchBytes, so the budget always has room for one more file of the
// largest size, and the file the writer waits for can always be read.
func budgetBytes(o Options, sources []Source) int64 {
	var largest int64
	for _, src := range sources {
		largest = max(largest, fileWeight(src))
	}
	return int64(o.BatchBytes) + largest
}

// fileWeight is what reading a source takes from the budget: its size, or
// the largest size read when it claims more.
func fileWeight(src Source) int64 {
	return min(max(src.Size, 0), MaxFileSize)
}

// parseAll parses sources on several goroutines, in any order, and closes
// out. Files are handed out in order once the budget has room for them; the
// writer gives their bytes back when they are stored.
func parseAll(ctx context.Context, sources []Source, workers int, lex *names.Lexicon, budget *semaphore.Weighted, out chan<- parsed) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				p := parseSource(i, sources[i], lex)
				p.weight = fileWeight(sources[i])
				out <- p
			}
		}()
	}
	for i := range sources {
		if err := budget.Acquire(ctx, fileWeight(sources[i])); err != nil {
			break
		}
		select {
		case jobs <- i:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	close(out)
}

func parseSource(i int, src Source, lex *names.Lexicon) (p parsed) {
	p = parsed{index: i, src: src}
	if src.Err != nil || src.Skip != "" {
		return p
	}
	defer func() {
		// A parser bug must cost one file, never the whole import.
		if r := recover(); r != nil {
			p.docs, p.err = nil, fmt.Errorf("Folio could not read this file (internal error: %v)", r)
		}
	}()
	data, err := src.Read()
	if err != nil {
		p.err = err
		return p
	}
	if isJSON(src.Path) {
		if recs, err := parseAnnotations(data); !errors.Is(err, export.ErrNotAnnotations) {
			p.annotations, p.err = recs, err
			return p
		}
	}
	p.docs, p.err = Parse(src.Path, data)
	// What the writer would otherwise work out for each article, one at a
	// time: done here, on every core.
	p.hashes, p.words = make([]string, len(p.docs)), make([]int, len(p.docs))
	for j, d := range p.docs {
		p.hashes[j], p.words[j] = db.ArticleHash(d.Title, d.TitleDerived, d.Body), db.WordCount(d.Body)
		p.names = append(p.names, nonNil(findNames(d.Title, d.Body, lex)))
		p.signatures = append(p.signatures, storySignature(d.Title, d.Body))
	}
	return p
}

// findNames is db.FindNamesWith; the import benchmark swaps it to measure
// what finding and storing names costs.
var findNames = db.FindNamesWith

// storySignature is db.StorySignatureOf, swapped by the same benchmark.
var storySignature = db.StorySignatureOf

// nonNil tells the store that names were looked for, even if none were found.
func nonNil(found []names.Name) []names.Name {
	if found == nil {
		return []names.Name{}
	}
	return found
}

// runner is the single writer: it batches parsed files and stores them.
type runner struct {
	store Store
	opts  Options
	notes []parsed // annotation exports, attached once the articles are in
	// attachedLater counts kept annotations attached to articles that came
	// in; problem says why they could not be.
	attachedLater int
	problem       string
	start         time.Time
	total         int
	done          int
	counts        Counts
	results       [][]Result
	pending       []parsed
	nDocs         int // articles in pending
	nBytes        int // their text and HTML
	budget        *semaphore.Weighted
	lastTick      time.Time
}

// consume stores files in the order they were listed, whatever order the
// parsers finish in, so articles get ids in file order.
func (r *runner) consume(ctx context.Context, in <-chan parsed) {
	waiting := map[int]parsed{}
	next := 0
	for p := range in {
		if ctx.Err() != nil {
			continue // drain the parsers
		}
		waiting[p.index] = p
		for q, ok := waiting[next]; ok; q, ok = waiting[next] {
			delete(waiting, next)
			next++
			r.accept(ctx, q)
		}
	}
	if ctx.Err() == nil {
		r.flush(ctx)
		r.attachAnnotations(ctx)
	}
	r.tick(true)
}

func (r *runner) accept(ctx context.Context, p parsed) {
	switch {
	case p.src.Skip != "":
		r.finish(p.index, []Result{{Path: p.src.Path, Status: StatusSkipped, Error: p.src.Skip}})
	case p.src.Err != nil:
		r.finish(p.index, []Result{{Path: p.src.Path, Status: StatusFailed, Error: p.src.Err.Error()}})
	case errors.Is(p.err, ErrUnsupported):
		r.finish(p.index, []Result{{Path: p.src.Path, Status: StatusSkipped, Error: p.err.Error()}})
	case p.err != nil:
		r.finish(p.index, []Result{{Path: p.src.Path, Status: StatusFailed, Error: p.err.Error()}})
	case p.annotations != nil:
		r.notes = append(r.notes, p)
	default:
		r.pending = append(r.pending, p)
		r.nDocs += len(p.docs)
		r.nBytes += docBytes(p.docs)
		if r.nDocs >= r.opts.BatchSize || r.nBytes >= r.opts.BatchBytes {
			r.flush(ctx)
		}
		r.tick(false)
		return
	}
	r.budget.Release(p.weight)
	r.tick(false)
}

// returnMemoryAbove is the size of a batch's text above which the memory
// its parsing used is returned to the system before the batch is stored.
const returnMemoryAbove = 8 << 20

func docBytes(docs []Document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Body) + len(d.HTML)
	}
	return n
}

func (r *runner) finish(index int, res []Result) {
	r.results[index] = res
	r.done++
	for _, x := range res {
		r.counts.add(x.Status)
	}
}

// flush stores the pending files in one transaction. If the batch fails as a
// whole, each file is tried on its own so one bad article fails alone.
func (r *runner) flush(ctx context.Context) {
	if len(r.pending) == 0 {
		return
	}
	batch, owners := r.batchArticles(r.pending)
	if r.nBytes >= returnMemoryAbove {
		// Parsing large files left garbage several times their size (their
		// bytes, the decoded text): give it back before the database makes
		// its own copies of the text, or both count in the peak.
		debug.FreeOSMemory()
	}
	outcomes, err := r.store.ImportArticles(ctx, batch)
	if err != nil && len(r.pending) > 1 && ctx.Err() == nil {
		for _, p := range r.pending {
			r.pending, r.nDocs = []parsed{p}, len(p.docs)
			r.flush(ctx)
		}
		r.pending, r.nDocs, r.nBytes = nil, 0, 0
		return
	}
	for _, p := range r.pending {
		r.finish(p.index, r.fileResults(p, owners, outcomes, err))
		r.budget.Release(p.weight)
	}
	r.pending, r.nDocs, r.nBytes = nil, 0, 0
}

func (r *runner) batchArticles(files []parsed) ([]db.NewArticle, map[int]int) {
	var batch []db.NewArticle
	first := map[int]int{} // file index -> position of its first article in batch
	for _, p := range files {
		first[p.index] = len(batch)
		for j, d := range p.docs {
			if d.Problem == "" {
				a := r.newArticle(p.src, d, j, len(p.docs))
				a.Hash, a.Words = p.hashes[j], p.words[j]
				if j < len(p.names) {
					a.Names, a.Signature = p.names[j], p.signatures[j]
				}
				batch = append(batch, a)
			}
		}
	}
	return batch, first
}

func (r *runner) newArticle(src Source, d Document, j, n int) db.NewArticle {
	tags := append(append([]string{}, d.Tags...), r.opts.Tags...)
	if r.opts.FolderTags && src.Folder != "" {
		tags = append(tags, src.Folder)
	}
	return db.NewArticle{Title: d.Title, TitleDerived: d.TitleDerived, Byline: d.Byline, Source: d.Source, URL: d.URL,
		Published: d.Published, Body: d.Body, HTML: d.HTML, Path: docPath(src.Path, j, n), Tags: tags,
		Uploaded: src.uploaded}
}

// docPath names one article of a file; a file holding several gets #1, #2…
func docPath(path string, j, n int) string {
	if n == 1 {
		return path
	}
	return fmt.Sprintf("%s#%d", path, j+1)
}

func (r *runner) fileResults(p parsed, first map[int]int, outcomes []db.ImportOutcome, err error) []Result {
	res := make([]Result, len(p.docs))
	stored := first[p.index] // position in the batch of the next stored article
	for j, d := range p.docs {
		res[j] = Result{Path: docPath(p.src.Path, j, len(p.docs)), Title: d.Title, Published: d.Published, Warnings: d.Warnings}
		switch {
		case d.Problem != "":
			res[j].Status, res[j].Error = StatusFailed, d.Problem
			continue
		case err != nil:
			res[j].Status, res[j].Error = StatusFailed, "could not be stored: "+err.Error()
			continue
		}
		o := outcomes[stored]
		stored++
		res[j].Status, res[j].ID = o.Status, o.ID
		if o.Status == db.StatusDuplicate {
			res[j].Title = o.Title
			res[j].Error = fmt.Sprintf("same text as article %d, %q", o.ID, o.Title)
		}
	}
	return res
}

func (r *runner) tick(final bool) {
	if r.opts.Progress == nil || !final && time.Since(r.lastTick) < 100*time.Millisecond {
		return
	}
	r.lastTick = time.Now()
	r.opts.Progress(Progress{Counts: r.counts, FilesDone: r.done, FilesTotal: r.total, PerSecond: r.rate()})
}

func (r *runner) rate() float64 {
	secs := time.Since(r.start).Seconds()
	if secs <= 0 {
		return 0
	}
	return float64(r.counts.Imported+r.counts.Updated+r.counts.Duplicates) / secs
}

func (r *runner) report(elapsed time.Duration) Report {
	rep := Report{Counts: r.counts, Results: []Result{}, Seconds: elapsed.Seconds(), AttachedLater: r.attachedLater, Problem: r.problem}
	for _, res := range r.results {
		if res == nil {
			rep.NotDone++
			continue
		}
		rep.Results = append(rep.Results, res...)
	}
	rep.Cancelled = rep.NotDone > 0
	return rep
}
