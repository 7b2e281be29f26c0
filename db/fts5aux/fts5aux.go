// Package fts5aux makes Go functions FTS5 auxiliary functions on every
// connection the modernc.org/sqlite driver opens, and gives them a small
// Go API over FTS5's C extension API.
//
// Why it exists: an auxiliary function is what FTS5 calls for each row of
// a full-text match, with the row's phrase positions at hand; Folio's
// ranking, snippets and filters are auxiliary functions because an SQL
// function costs several times more per call and cannot see the match.
// The driver registers SQL functions but has no call for auxiliary ones,
// so this package reaches underneath it: it reads the connection's
// sqlite3* handle from an unexported field of the driver's connection
// (reflection), asks FTS5 for its fts5_api with SELECT fts5(?1) as FTS5's
// documentation shows, and calls the C API through the function pointers
// of the transpiled SQLite (unsafe). Call.PhraseInsts also decodes a
// phrase's position list itself, in FTS5's format (varints; 1 and a column
// number start a column), which is FTS5's storage format and stable, and
// a test compares it with FTS5's own decoding on every query shape.
// Everything that depends on the driver's internals is in this package,
// and its tests fail loudly when an upgrade changes them.
//
// Checked against modernc.org/sqlite v1.62.0 (SQLite 3.54) and
// modernc.org/libc v1.80.1.
package fts5aux

import (
	"errors"
	"fmt"
	"reflect"
	"sync"
	"unsafe"

	"modernc.org/libc"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Func is an auxiliary function: it is called once per row it is asked
// about, and sets the row's result on c.
type Func func(c Call)

var (
	mu        sync.Mutex
	functions = map[string]uintptr{}
	// trampolines keeps the Go closures behind the function pointers
	// alive: the garbage collector does not see a uintptr.
	trampolines []any
)

// memBytes is the scratch a call has for the API's out parameters: an
// Fts5PhraseIter (two pointers) and two ints at most.
const memBytes = 24

// Register adds an auxiliary function to every connection opened from now
// on. Call it from an init function, before any library is opened.
func Register(name string, fn Func) {
	mu.Lock()
	defer mu.Unlock()
	trampoline := func(tls *libc.TLS, pApi, pFts, pCtx uintptr, nVal int32, apVal uintptr) {
		c := Call{tls: tls, api: (*sqlite3.TFts5ExtensionApi)(cPointer(pApi)), fts: pFts, ctx: pCtx, nVal: nVal, apVal: apVal}
		c.mem = tls.Alloc(memBytes)
		defer tls.Free(memBytes)
		fn(c)
	}
	trampolines = append(trampolines, trampoline)
	functions[name] = cFunc(trampoline)
}

func init() {
	sqlite.RegisterConnectionHook(func(c sqlite.ExecQuerierContext, _ string) error {
		mu.Lock()
		defer mu.Unlock()
		if len(functions) == 0 {
			return nil
		}
		return createFunctions(c)
	})
}

// createFunctions adds the registered functions to a new connection.
func createFunctions(c any) error {
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
	for name, fn := range functions {
		z, err := libc.CString(name)
		if err != nil {
			return err
		}
		rc := create(tls, api, z, 0, fn, 0)
		libc.Xfree(tls, z)
		if rc != sqlite3.SQLITE_OK {
			return fmt.Errorf("add %s to FTS5: %w", name, Error(rc))
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
		return 0, fmt.Errorf("find FTS5's API: %w", Error(rc))
	}
	stmt := *(*uintptr)(cPointer(mem))
	defer sqlite3.Xsqlite3_finalize(tls, stmt)
	sqlite3.Xsqlite3_bind_pointer(tls, stmt, 1, mem+8, kind, 0)
	sqlite3.Xsqlite3_step(tls, stmt)
	api := *(*uintptr)(cPointer(mem + 8))
	if api == 0 {
		return 0, errors.New("find FTS5's API: this SQLite has no FTS5")
	}
	return api, nil
}

// Error is an SQLite result code returned by the FTS5 API.
type Error int32

func (e Error) Error() string { return fmt.Sprintf("SQLite error %d", int32(e)) }

// errorOf turns a result code into an error (nil for SQLITE_OK).
func errorOf(rc int32) error {
	if rc == sqlite3.SQLITE_OK {
		return nil
	}
	return Error(rc)
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
