//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package db

import (
	"errors"
	"syscall"
)

func (l *libraryLock) trySharedNow() bool {
	return syscall.Flock(int(l.f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB) == nil
}

func (l *libraryLock) tryExclusiveNow() bool {
	return syscall.Flock(int(l.f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}

func (l *libraryLock) unlockNow() {
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
}

// processRunning reports whether a process with this id exists (one of
// another user's answers EPERM).
func processRunning(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
