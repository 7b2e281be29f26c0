package app

import (
	"sync"

	"folio/db"
)

// library holds the open store. A restore replaces the store while other
// calls run, so its only ways in are get, for a call, and swap, for the
// restore; nothing reads the store any other way.
type library struct {
	mu    sync.RWMutex
	store *db.Store
}

// get returns the open store. A call takes it afresh each time: a swap
// closes the old one, and a call that kept it would find it closed.
func (l *library) get() *db.Store {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.store
}

// swap runs replace with the current store while no call can take it, and
// keeps the store replace returns (the old one, reopened, when it failed).
func (l *library) swap(replace func(old *db.Store) (*db.Store, error)) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	next, err := replace(l.store)
	if next != nil {
		l.store = next
	}
	return err
}
