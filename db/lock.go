package db

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrLibraryInUse is returned when another process has the library open
// and what was asked (a restore, an upgrade) needs it alone.
var ErrLibraryInUse = errors.New("the library is in use")

// inUseError names who holds the library, so a person knows what to close.
type inUseError struct {
	action  string
	holders []string
}

func (e *inUseError) Error() string {
	who := "another Folio"
	if len(e.holders) > 0 {
		who = strings.Join(e.holders, ", ")
	}
	return fmt.Sprintf("cannot %s: the library is open in %s; close it and try again", e.action, who)
}

func (e *inUseError) Unwrap() error { return ErrLibraryInUse }

// libraryLock is the lock file beside a library (<library>.lock). Every
// process that opens the library holds it shared; a restore and a schema
// upgrade hold it exclusively, so neither happens under a process that
// would go on writing to the file it replaces or the schema it changes.
// The file also records who took it, one "pid<TAB>command" line each, so a
// refusal can name them.
type libraryLock struct {
	f *os.File
}

// How long to wait for a lock another process holds: a shared lock waits
// for a restore or an upgrade to finish; an exclusive one, taken to
// upgrade, only for other processes opening the library at the same time.
var (
	sharedLockWait    = 2 * time.Minute
	exclusiveLockWait = 3 * time.Second
)

const lockPoll = 10 * time.Millisecond

// lockPath is the lock file of the library at path.
func lockPath(library string) string { return library + ".lock" }

// lockShared opens the library's lock file and takes it shared, waiting
// while another process restores or upgrades the library.
func lockShared(ctx context.Context, library string) (*libraryLock, error) {
	if dir := filepath.Dir(library); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create library folder: %w", err)
		}
	}
	f, err := os.OpenFile(lockPath(library), os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open the library's lock file: %w", err)
	}
	l := &libraryLock{f: f}
	if l.tryExclusiveNow() {
		// Alone: the processes recorded have all gone, so their lines go
		// too, and the file does not grow with every open.
		f.Truncate(0)
	}
	if err := l.wait(ctx, sharedLockWait, l.trySharedNow); err != nil {
		f.Close()
		return nil, &inUseError{action: "open the library (it is being restored or upgraded)", holders: l.holders()}
	}
	l.record()
	return l, nil
}

// wait calls try until it succeeds, ctx ends or the wait is over.
func (l *libraryLock) wait(ctx context.Context, limit time.Duration, try func() bool) error {
	deadline := time.Now().Add(limit)
	for !try() {
		if time.Now().After(deadline) {
			return ErrLibraryInUse
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(lockPoll):
		}
	}
	return nil
}

// exclusive turns the shared lock exclusive without waiting, or returns
// an error naming the processes that hold it; the lock is shared again then.
func (l *libraryLock) exclusive(action string) error {
	if l.tryExclusiveNow() {
		l.f.Truncate(0) // the holders recorded are gone, but for this one
		l.record()
		return nil
	}
	err := &inUseError{action: action, holders: l.holders()}
	// A failed conversion may have dropped the shared lock: take it back.
	if werr := l.wait(context.Background(), sharedLockWait, l.trySharedNow); werr != nil {
		return fmt.Errorf("%w (and the library's lock was lost: restart Folio)", err)
	}
	return err
}

// shared turns an exclusive lock back into a shared one.
func (l *libraryLock) shared() {
	l.wait(context.Background(), sharedLockWait, l.trySharedNow)
}

// close releases the lock.
func (l *libraryLock) close() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}

// record appends this process to the lock file's list of holders.
func (l *libraryLock) record() {
	cmd := filepath.Base(os.Args[0])
	if len(os.Args) > 1 {
		cmd += " " + strings.Join(os.Args[1:], " ")
	}
	cmd = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, cmd)
	fmt.Fprintf(l.f, "%d\t%s\n", os.Getpid(), cmd)
}

// holders names the processes the lock file records that are still
// running, other than this one, as "process 123 (folio serve)".
func (l *libraryLock) holders() []string {
	data, err := os.ReadFile(l.f.Name())
	if err != nil {
		return nil
	}
	seen := map[int]bool{os.Getpid(): true}
	var names []string
	for _, line := range strings.Split(string(data), "\n") {
		pidText, cmd, ok := strings.Cut(line, "\t")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || seen[pid] || !processRunning(pid) {
			continue
		}
		seen[pid] = true
		names = append(names, fmt.Sprintf("process %d (%s)", pid, cmd))
	}
	return names
}
