package app_test

import (
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"folio/app"
)

// Every bound method is called, over and over, while the library is
// restored under it: run with -race, this fails when any method reads the
// library other than through the app's one way in. Each call either works,
// is refused in words a person can read, or says the library was being
// replaced; none panics or reports the library file unreadable.
func TestRestoreWhileEveryMethodRuns(t *testing.T) {
	a, h, _ := libraryApp(t)
	backup := filepath.Join(t.TempDir(), "backup.db")
	h.savePath = backup
	if _, err := a.BackupLibrary(); err != nil {
		t.Fatal(err)
	}
	h.saveDir = t.TempDir() // each further backup gets its own file

	methods := boundMethods(t, a)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	for _, m := range methods {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if msg := callOnce(m); msg != "" {
					mu.Lock()
					failures = append(failures, msg)
					mu.Unlock()
				}
			}
		}()
	}
	restored := 0
	for restored < 3 {
		_, err := a.RestoreLibraryFrom(backup)
		switch {
		case err == nil:
			restored++
		case !strings.Contains(err.Error(), "an import is running"):
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	for _, f := range failures[:min(len(failures), 10)] {
		t.Error(f)
	}
	// The calls trashed and deleted; one more restore brings both back.
	if _, err := a.RestoreLibraryFrom(backup); err != nil {
		t.Fatal(err)
	}
	if counts, err := a.ViewCounts(); err != nil || counts.All != 2 {
		t.Errorf("after the restores: %+v, %v", counts, err)
	}
}

type boundMethod struct {
	name string
	fn   reflect.Value
	args []reflect.Value
}

// boundMethods lists the app's bound methods, each with arguments of its
// types' zero values (ids are 1, the first article), except the restore
// itself, which the test drives.
func boundMethods(t *testing.T, a *app.App) []boundMethod {
	t.Helper()
	v := reflect.ValueOf(a)
	var list []boundMethod
	for i := 0; i < v.NumMethod(); i++ {
		name := v.Type().Method(i).Name
		if name == "RestoreLibraryFrom" {
			continue
		}
		fn := v.Method(i)
		var args []reflect.Value
		for j := 0; j < fn.Type().NumIn(); j++ {
			in := fn.Type().In(j)
			arg := reflect.New(in).Elem()
			switch in.Kind() {
			case reflect.Int64:
				arg.SetInt(1)
			case reflect.Slice:
				if in.Elem().Kind() == reflect.Int64 {
					arg = reflect.ValueOf([]int64{1})
				}
			}
			args = append(args, arg)
		}
		list = append(list, boundMethod{name: name, fn: fn, args: args})
	}
	if len(list) < 30 {
		t.Fatalf("found %d bound methods; the app has more", len(list))
	}
	return list
}

// callOnce calls m and returns what went wrong, or "".
func callOnce(m boundMethod) (failure string) {
	defer func() {
		if r := recover(); r != nil {
			failure = m.name + " panicked: " + reflect.ValueOf(r).String()
		}
	}()
	out := m.fn.Call(m.args)
	if len(out) == 0 {
		return ""
	}
	err, _ := out[len(out)-1].Interface().(error)
	if err != nil && strings.Contains(err.Error(), "could not read or write the library") {
		return m.name + ": " + err.Error()
	}
	return ""
}
