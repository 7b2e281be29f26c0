package db

import (
	"fmt"
	"math"
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"

	"modernc.org/libc"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// folio_rank is bm25 as FTS5 computes it, with the weights of rankWeights,
// except for where it reads each row's length. FTS5's bm25 looks the
// length up in the index's docsize table, one SQL statement per row, and
// that lookup is most of what ranking a common word costs; folio_rank
// reads it from memory (docLengths), loaded once per state of the text.
//
//	SELECT rowid, folio_rank(articles_fts, :handle) FROM articles_fts WHERE articles_fts MATCH :expr
//
// The handle names a rankState registered for the statement. Scores are
// those of bm25(articles_fts, rankWeights…), which a test checks.
const rankFunction = "folio_rank"

// columnWeights are rankWeights as numbers, by column of articles_fts.
var columnWeights = [...]float64{10, 2, 2, 1}

// rankState is what one statement's folio_rank calls share: the row
// lengths, and the statistics of the query worked out on the first row.
type rankState struct {
	lengths []int32 // by rowid: tokens in all columns, as docsize holds
	idf     []float64
	avgdl   float64
	freq    []float64
}

var (
	rankStates sync.Map // int64 handle → *rankState
	rankNext   atomic.Int64
)

func registerRank(st *rankState) int64 {
	h := rankNext.Add(1)
	rankStates.Store(h, st)
	return h
}

func releaseRank(h int64) { rankStates.Delete(h) }

func init() {
	sqlite.RegisterConnectionHook(func(c sqlite.ExecQuerierContext, _ string) error {
		return createRankFunction(c)
	})
}

// createRankFunction adds folio_rank to a new connection's FTS5. The
// driver offers no call for FTS5 auxiliary functions, so this goes to the
// SQLite library underneath: it reads the connection's handle and asks
// FTS5 for its API with SELECT fts5(?), as the FTS5 documentation shows.
func createRankFunction(c any) error {
	db, err := connHandle(c)
	if err != nil {
		return err
	}
	tls := libc.NewTLS()
	defer tls.Close()
	api, err := fts5API(tls, db)
	if err != nil {
		return err
	}
	name, err := libc.CString(rankFunction)
	if err != nil {
		return err
	}
	defer libc.Xfree(tls, name)
	create := (*sqlite3.Tfts5_api)(cPointer(api)).FxCreateFunction
	rc := (*(*func(*libc.TLS, uintptr, uintptr, uintptr, uintptr, uintptr) int32)(unsafe.Pointer(&struct{ uintptr }{create})))(
		tls, api, name, 0, cFunc(rankRow), 0)
	if rc != sqlite3.SQLITE_OK {
		return fmt.Errorf("add %s to FTS5: error %d", rankFunction, rc)
	}
	return nil
}

// connHandle is the sqlite3* of a driver connection.
func connHandle(c any) (uintptr, error) {
	v := reflect.ValueOf(c)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct {
		if f := v.FieldByName("db"); f.IsValid() && f.Kind() == reflect.Uintptr && f.Uint() != 0 {
			return uintptr(f.Uint()), nil
		}
	}
	return 0, fmt.Errorf("the SQLite driver's connection has changed shape (%T); %s needs its handle", c, rankFunction)
}

// fts5API returns the connection's fts5_api pointer.
func fts5API(tls *libc.TLS, db uintptr) (uintptr, error) {
	query, err := libc.CString("SELECT fts5(?1)")
	if err != nil {
		return 0, err
	}
	defer libc.Xfree(tls, query)
	kind, err := libc.CString("fts5_api_ptr")
	if err != nil {
		return 0, err
	}
	defer libc.Xfree(tls, kind)
	mem := tls.Alloc(16) // the statement, then the API pointer
	defer tls.Free(16)
	*(*uintptr)(cPointer(mem)) = 0
	*(*uintptr)(cPointer(mem + 8)) = 0
	if rc := sqlite3.Xsqlite3_prepare_v2(tls, db, query, -1, mem, 0); rc != sqlite3.SQLITE_OK {
		return 0, fmt.Errorf("find FTS5's API: error %d", rc)
	}
	stmt := *(*uintptr)(cPointer(mem))
	defer sqlite3.Xsqlite3_finalize(tls, stmt)
	sqlite3.Xsqlite3_bind_pointer(tls, stmt, 1, mem+8, kind, 0)
	sqlite3.Xsqlite3_step(tls, stmt)
	api := *(*uintptr)(cPointer(mem + 8))
	if api == 0 {
		return 0, fmt.Errorf("find FTS5's API: this SQLite has no FTS5")
	}
	return api, nil
}

// cPointer is a pointer to memory of the C library: SQLite's own or
// libc's allocations, outside Go's heap, so they never move. (go vet's
// check of uintptr conversions cannot know where an address comes from.)
func cPointer(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }

// cFunc turns a Go function into the function pointer the transpiled
// SQLite calls, as the driver does for its own callbacks.
func cFunc[T any](f T) uintptr {
	return *(*uintptr)(unsafe.Pointer(&struct{ f T }{f}))
}

// apiCall turns an FTS5 API function through its pointer.
func apiCall[T any](p uintptr) T {
	return *(*T)(unsafe.Pointer(&struct{ uintptr }{p}))
}

// rankRow is folio_rank for one row.
func rankRow(tls *libc.TLS, pApi, pFts, pCtx uintptr, nVal int32, apVal uintptr) {
	api := (*sqlite3.TFts5ExtensionApi)(cPointer(pApi))
	if nVal != 1 {
		rankError(tls, pCtx, "folio_rank takes the table and a handle")
		return
	}
	h := sqlite3.Xsqlite3_value_int64(tls, *(*uintptr)(cPointer(apVal)))
	v, ok := rankStates.Load(h)
	if !ok {
		rankError(tls, pCtx, "folio_rank: unknown handle")
		return
	}
	st := v.(*rankState)
	if st.idf == nil {
		if rc := st.prepare(tls, api, pFts); rc != sqlite3.SQLITE_OK {
			sqlite3.Xsqlite3_result_error_code(tls, pCtx, rc)
			return
		}
	}
	score, rc := st.score(tls, api, pFts)
	if rc != sqlite3.SQLITE_OK {
		sqlite3.Xsqlite3_result_error_code(tls, pCtx, rc)
		return
	}
	sqlite3.Xsqlite3_result_double(tls, pCtx, score)
}

func rankError(tls *libc.TLS, pCtx uintptr, msg string) {
	z, err := libc.CString(msg)
	if err != nil {
		sqlite3.Xsqlite3_result_error_nomem(tls, pCtx)
		return
	}
	defer libc.Xfree(tls, z)
	sqlite3.Xsqlite3_result_error(tls, pCtx, z, -1)
}

// prepare works out what bm25 works out once per statement: the average
// row length and each phrase's inverse document frequency.
func (st *rankState) prepare(tls *libc.TLS, api *sqlite3.TFts5ExtensionApi, pFts uintptr) int32 {
	mem := tls.Alloc(16)
	defer tls.Free(16)
	rc := apiCall[func(*libc.TLS, uintptr, uintptr) int32](api.FxRowCount)(tls, pFts, mem)
	if rc != sqlite3.SQLITE_OK {
		return rc
	}
	rows := *(*int64)(cPointer(mem))
	rc = apiCall[func(*libc.TLS, uintptr, int32, uintptr) int32](api.FxColumnTotalSize)(tls, pFts, -1, mem+8)
	if rc != sqlite3.SQLITE_OK {
		return rc
	}
	st.avgdl = float64(*(*int64)(cPointer(mem + 8))) / float64(rows)
	phrases := apiCall[func(*libc.TLS, uintptr) int32](api.FxPhraseCount)(tls, pFts)
	idf := make([]float64, phrases)
	for i := range idf {
		*(*int64)(cPointer(mem)) = 0
		rc = apiCall[func(*libc.TLS, uintptr, int32, uintptr, uintptr) int32](api.FxQueryPhrase)(
			tls, pFts, int32(i), mem, cFunc(countHit))
		if rc != sqlite3.SQLITE_OK {
			return rc
		}
		hits := float64(*(*int64)(cPointer(mem)))
		idf[i] = math.Log((float64(rows) - hits + 0.5) / (hits + 0.5))
		if idf[i] <= 0 {
			idf[i] = 1e-6
		}
	}
	st.freq = make([]float64, phrases)
	st.idf = idf
	return sqlite3.SQLITE_OK
}

// countHit counts the rows xQueryPhrase visits.
func countHit(tls *libc.TLS, pApi, pFts, pUserData uintptr) int32 {
	*(*int64)(cPointer(pUserData))++
	return sqlite3.SQLITE_OK
}

// score is bm25 for the current row, negated as FTS5 returns it (lower is
// better).
func (st *rankState) score(tls *libc.TLS, api *sqlite3.TFts5ExtensionApi, pFts uintptr) (float64, int32) {
	mem := tls.Alloc(16)
	defer tls.Free(16)
	clear(st.freq)
	rc := apiCall[func(*libc.TLS, uintptr, uintptr) int32](api.FxInstCount)(tls, pFts, mem)
	if rc != sqlite3.SQLITE_OK {
		return 0, rc
	}
	inst := apiCall[func(*libc.TLS, uintptr, int32, uintptr, uintptr, uintptr) int32](api.FxInst)
	n := *(*int32)(cPointer(mem))
	for i := int32(0); i < n; i++ {
		if rc := inst(tls, pFts, i, mem, mem+4, mem+8); rc != sqlite3.SQLITE_OK {
			return 0, rc
		}
		phrase, col := *(*int32)(cPointer(mem)), *(*int32)(cPointer(mem + 4))
		w := 1.0
		if int(col) < len(columnWeights) {
			w = columnWeights[col]
		}
		st.freq[phrase] += w
	}
	id := apiCall[func(*libc.TLS, uintptr) int64](api.FxRowid)(tls, pFts)
	var d float64
	if id >= 0 && id < int64(len(st.lengths)) {
		d = float64(st.lengths[id])
	}
	const k1, b = 1.2, 0.75
	score := 0.0
	for i, f := range st.freq {
		score += st.idf[i] * (f * (k1 + 1)) / (f + k1*(1-b+b*d/st.avgdl))
	}
	return -score, sqlite3.SQLITE_OK
}
