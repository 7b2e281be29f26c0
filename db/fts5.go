package db

import (
	"errors"

	"folio/db/fts5aux"
)

// Folio's FTS5 auxiliary functions (see package fts5aux for how they reach
// FTS5), added to every connection.
func init() {
	fts5aux.Register(rankFunction, rankRow)
	fts5aux.Register(topFunction, topRow)
	fts5aux.Register(snippetFunction, snippetRow)
	fts5aux.Register(keepFunction, keepRow)
	fts5aux.Register(termsFunction, termsRow)
}

// handleArg reads the handle an auxiliary function is called with (its one
// argument after the table), or sets an error result.
func handleArg(c fts5aux.Call, name string) (int64, bool) {
	if c.Args() != 1 {
		c.SetError(errors.New(name + " takes the table and a handle"))
		return 0, false
	}
	return c.Int64Arg(0), true
}

// stateOf reads the handle an auxiliary function is called with and
// returns the state registered under it, or sets an error result.
func stateOf[T any](c fts5aux.Call, name string, states *fts5aux.Handles[T]) (T, bool) {
	var zero T
	h, ok := handleArg(c, name)
	if !ok {
		return zero, false
	}
	st, ok := states.Get(h)
	if !ok {
		c.SetError(errors.New(name + ": unknown handle"))
		return zero, false
	}
	return st, true
}
