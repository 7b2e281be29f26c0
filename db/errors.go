package db

import (
	"database/sql"
	"errors"
	"strings"

	"modernc.org/sqlite"

	"folio/db/fts5aux"
)

// Kinds of trouble with the library file that a person can act on. Classify
// attaches them to the driver's errors; callers test with errors.Is.
var (
	// ErrBusy: another process held the library's write lock too long.
	ErrBusy = errors.New("the library is busy")
	// ErrDamaged: the file is not a database or its pages are corrupt.
	ErrDamaged = errors.New("the file is damaged")
	// ErrDiskFull: a write found no room on the disk.
	ErrDiskFull = errors.New("the disk is full")
	// ErrUnwritable: the file or its folder cannot be written or opened.
	ErrUnwritable = errors.New("the file cannot be opened or written")
	// ErrClosed: the store was closed (a restore replaced it) during a call.
	ErrClosed = errors.New("the library was closed")
	// ErrInternal: any other error of the database itself, which means
	// nothing to a person (a bug, not their doing).
	ErrInternal = errors.New("internal database error")
)

// kindError is a driver error with its kind: errors.Is finds both, and
// Error keeps the driver's words for the log.
type kindError struct {
	kind error
	err  error
}

func (e *kindError) Error() string   { return e.err.Error() }
func (e *kindError) Unwrap() []error { return []error{e.kind, e.err} }

// SQLite's primary result codes that Classify tells apart.
const (
	codeBusy     = 5
	codeLocked   = 6
	codeReadOnly = 8
	codeIOErr    = 10
	codeCorrupt  = 11
	codeFull     = 13
	codeCantOpen = 14
	codeNotADB   = 26
)

// Classify returns err with its kind attached when it comes from the
// database (see ErrBusy and the others); other errors come back as they
// are. It is the one place that reads the driver's errors.
func Classify(err error) error {
	if err == nil {
		return nil
	}
	for _, kind := range []error{ErrBusy, ErrDamaged, ErrDiskFull, ErrUnwritable, ErrClosed, ErrInternal} {
		if errors.Is(err, kind) {
			return err
		}
	}
	if kind := kindOf(err); kind != nil {
		return &kindError{kind: kind, err: err}
	}
	return err
}

func kindOf(err error) error {
	var code int
	var se *sqlite.Error
	var fe fts5aux.Error
	switch {
	case errors.As(err, &se):
		code = se.Code() & 0xff
	case errors.As(err, &fe):
		code = int(fe) & 0xff
	case errors.Is(err, sql.ErrConnDone), strings.Contains(err.Error(), "sql: database is closed"):
		// database/sql does not export the error of a closed *sql.DB.
		return ErrClosed
	default:
		return nil
	}
	switch code {
	case codeBusy, codeLocked:
		return ErrBusy
	case codeCorrupt, codeNotADB:
		return ErrDamaged
	case codeFull:
		return ErrDiskFull
	case codeReadOnly, codeCantOpen:
		return ErrUnwritable
	}
	return ErrInternal
}
