package db

import (
	"context"
	"fmt"
	"os"
	"time"
)

// refuseNewer refuses a library written by a newer Folio before anything
// opens it for writing: opening it so would already change bytes of it
// (its journal mode). Anything it cannot read is left to Open to report.
func refuseNewer(ctx context.Context, path string) error {
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() || looksLikeSQLite(path) != nil {
		return nil
	}
	conn, err := openReadOnly(path)
	if err != nil {
		return nil
	}
	defer conn.Close()
	var v int
	if conn.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v) != nil {
		return nil
	}
	if v > SchemaVersion() {
		return fmt.Errorf("%s: %w (library schema %d, this Folio knows up to %d)", path, ErrNewerLibrary, v, SchemaVersion())
	}
	return nil
}

// schemaCurrent reports, without writing, whether the library's schema is
// the newest this Folio knows (or newer).
func (s *Store) schemaCurrent(ctx context.Context) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&n); err != nil {
		return false, fmt.Errorf("open library %s: %w", s.path, friendlyOpenError(err))
	}
	if n == 0 {
		return false, nil
	}
	v, err := s.currentVersion(ctx)
	return v >= SchemaVersion(), err
}

// migrateAlone brings the schema up to date holding the library's lock
// exclusively, so that no other process uses a schema being changed and
// two processes opening a new library do not both create it. It waits
// while another process holds the lock alone (it is upgrading the library,
// or restoring it), and then needs only the shared lock if that process
// upgraded it; it gives up after exclusiveLockWait of finding the library
// merely open elsewhere (an older Folio using it).
func (s *Store) migrateAlone(ctx context.Context) error {
	current, err := s.schemaCurrent(ctx)
	if err != nil || current {
		return err
	}
	var upgradedElsewhere, givenUp bool
	openElsewhereSince := time.Now()
	err = s.lock.wait(ctx, sharedLockWait, func() bool {
		if s.lock.tryExclusiveNow() {
			return true
		}
		if !s.lock.trySharedNow() {
			openElsewhereSince = time.Now() // held alone: an upgrade is under way
			return false
		}
		if ok, _ := s.schemaCurrent(ctx); ok {
			upgradedElsewhere = true
			return true
		}
		givenUp = time.Since(openElsewhereSince) > exclusiveLockWait
		if !givenUp {
			s.lock.unlockNow() // so that whoever tries next can have it alone
		}
		return givenUp
	})
	if err != nil || givenUp {
		return &inUseError{action: "upgrade the library to this Folio's version", holders: s.lock.holders()}
	}
	if upgradedElsewhere {
		return nil
	}
	s.lock.f.Truncate(0)
	s.lock.record()
	defer s.lock.shared()
	return s.migrate(ctx)
}

// Exclusive takes the library's lock exclusively, for a restore: it is
// refused, with the other processes named, while any has the library
// open. The lock is held until the store is closed.
func (s *Store) Exclusive() error {
	return s.lock.exclusive("restore the library")
}

// LockAlone takes the lock of the library at path exclusively, for a
// restore by a process that does not open it; it is refused, naming the
// processes, while any has the library open. unlock lets go of it.
func LockAlone(path string) (unlock func() error, err error) {
	f, err := os.OpenFile(lockPath(path), os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open the library's lock file: %w", err)
	}
	l := &libraryLock{f: f}
	if !l.tryExclusiveNow() {
		err := &inUseError{action: "restore the library", holders: l.holders()}
		f.Close()
		return nil, err
	}
	f.Truncate(0)
	l.record()
	return l.close, nil
}
