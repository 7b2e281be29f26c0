package db

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A library that needs upgrading is upgraded only alone: while another
// process (an older Folio, here its lock) has it open, the upgrade is
// refused, the library unchanged, and once it is closed it goes ahead.
func TestUpgradeWaitsToBeAlone(t *testing.T) {
	if SchemaVersion() < 2 {
		t.Skip("one migration: nothing to upgrade from")
	}
	defer func(w time.Duration) { exclusiveLockWait = w }(exclusiveLockWait)
	exclusiveLockWait = 200 * time.Millisecond
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	old, err := OpenAtVersion(ctx, path, SchemaVersion()-1)
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	before, _ := os.ReadFile(path)

	other, err := lockShared(ctx, path) // another Folio with the library open
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(ctx, path)
	if !errors.Is(err, ErrLibraryInUse) || !strings.Contains(err.Error(), "cannot upgrade the library") {
		t.Errorf("upgrading while another has it open: %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the refused upgrade changed the library")
	}
	other.close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.currentVersion(ctx); err != nil || v != SchemaVersion() {
		t.Errorf("after the upgrade: schema %d, %v", v, err)
	}
}
