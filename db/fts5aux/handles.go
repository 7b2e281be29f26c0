package fts5aux

import (
	"sync"
	"sync/atomic"
)

// Handles lets a statement's calls into Go find their state: the state is
// registered under a number, which the statement passes as an argument
// (C code cannot hold Go pointers).
type Handles[T any] struct {
	states sync.Map // int64 → T
	next   atomic.Int64
}

// Add registers a state and returns its handle (never 0).
func (h *Handles[T]) Add(state T) int64 {
	n := h.next.Add(1)
	h.states.Store(n, state)
	return n
}

// Get returns the state of a handle.
func (h *Handles[T]) Get(n int64) (T, bool) {
	v, ok := h.states.Load(n)
	if !ok {
		var zero T
		return zero, false
	}
	return v.(T), true
}

// Drop forgets a handle.
func (h *Handles[T]) Drop(n int64) { h.states.Delete(n) }
