package db

import (
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"
	"unsafe"

	"modernc.org/libc"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Folio's FTS5 auxiliary functions, added to every connection.
var auxFunctions = []struct {
	name string
	fn   uintptr
}{
	{rankFunction, cFunc(rankRow)},
	{snippetFunction, cFunc(snippetRow)},
	{keepFunction, cFunc(keepRow)},
	{topFunction, cFunc(topRow)},
}

func init() {
	sqlite.RegisterConnectionHook(func(c sqlite.ExecQuerierContext, _ string) error {
		return createAuxFunctions(c)
	})
}

// createAuxFunctions adds Folio's functions to a new connection's FTS5.
// The driver offers no call for FTS5 auxiliary functions, so this goes to
// the SQLite library underneath: it reads the connection's handle and
// asks FTS5 for its API with SELECT fts5(?), as FTS5's documentation
// shows.
func createAuxFunctions(c any) error {
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
	create := apiCall[func(*libc.TLS, uintptr, uintptr, uintptr, uintptr, uintptr) int32](
		(*sqlite3.Tfts5_api)(cPointer(api)).FxCreateFunction)
	for _, f := range auxFunctions {
		name, err := libc.CString(f.name)
		if err != nil {
			return err
		}
		rc := create(tls, api, name, 0, f.fn, 0)
		libc.Xfree(tls, name)
		if rc != sqlite3.SQLITE_OK {
			return fmt.Errorf("add %s to FTS5: error %d", f.name, rc)
		}
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
	return 0, fmt.Errorf("the SQLite driver's connection has changed shape (%T); search needs its handle", c)
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

// handles lets a statement's calls into Go find their state: the state is
// registered under a number, which the statement passes as an argument
// (C code cannot hold Go pointers).
type handles[T any] struct {
	states sync.Map // int64 → T
	next   atomic.Int64
}

func (h *handles[T]) add(state T) int64 {
	n := h.next.Add(1)
	h.states.Store(n, state)
	return n
}

func (h *handles[T]) get(n int64) (T, bool) {
	v, ok := h.states.Load(n)
	if !ok {
		var zero T
		return zero, false
	}
	return v.(T), true
}

func (h *handles[T]) drop(n int64) { h.states.Delete(n) }

// handleArg reads the handle an auxiliary function is called with (its one
// argument after the table), or sets an error result.
func handleArg(tls *libc.TLS, pCtx uintptr, nVal int32, apVal uintptr, name string) (int64, bool) {
	if nVal != 1 {
		resultError(tls, pCtx, name+" takes the table and a handle")
		return 0, false
	}
	return sqlite3.Xsqlite3_value_int64(tls, *(*uintptr)(cPointer(apVal))), true
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

// apiCall makes a C function pointer (an FTS5 API method) callable.
func apiCall[T any](p uintptr) T {
	return *(*T)(unsafe.Pointer(&struct{ uintptr }{p}))
}

// resultError sets an auxiliary function's result to an error.
func resultError(tls *libc.TLS, pCtx uintptr, msg string) {
	withCString(tls, pCtx, msg, func(z uintptr) { sqlite3.Xsqlite3_result_error(tls, pCtx, z, -1) })
}

// resultText sets an auxiliary function's text result (SQLite copies it).
func resultText(tls *libc.TLS, pCtx uintptr, s string) {
	withCString(tls, pCtx, s, func(z uintptr) {
		sqlite3.Xsqlite3_result_text(tls, pCtx, z, int32(len(s)), sqliteTransient)
	})
}

// withCString calls f with s as a C string, or sets an out-of-memory
// result.
func withCString(tls *libc.TLS, pCtx uintptr, s string, f func(z uintptr)) {
	z, err := libc.CString(s)
	if err != nil {
		sqlite3.Xsqlite3_result_error_nomem(tls, pCtx)
		return
	}
	defer libc.Xfree(tls, z)
	f(z)
}

// sqliteTransient tells SQLite to copy a result before it returns.
const sqliteTransient = ^uintptr(0)
