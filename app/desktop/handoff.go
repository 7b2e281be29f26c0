package desktop

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/godbus/dbus/v5"
	"github.com/wailsapp/wails/v2/pkg/options"
)

// HandOff gives a launch's command line to the Folio window already open on
// the library, if there is one, and reports whether one took it.
//
// Wails' own single-instance lock does the same, but only once the second
// launch has opened the library and started GTK, and it then exits with
// status 1. Asking first, over the same D-Bus name and message Wails uses,
// lets a second launch leave quietly and successfully without touching the
// library. Without a session bus there is no lock at all, so nothing is
// handed off.
func HandOff(library string, args []string) (bool, error) {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return false, nil
	}
	defer conn.Close()
	name, path := busName(InstanceID(library))
	if !nameOwned(conn, name) {
		return false, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return false, fmt.Errorf("hand the files to the open Folio window: %w", err)
	}
	msg, err := json.Marshal(options.SecondInstanceData{Args: args, WorkingDirectory: wd})
	if err != nil {
		return false, fmt.Errorf("hand the files to the open Folio window: %w", err)
	}
	if err := conn.Object(name, path).Call(name+".SendMessage", 0, string(msg)).Store(); err != nil {
		return false, fmt.Errorf("hand the files to the open Folio window (it may be hung; close it and try again): %w", err)
	}
	return true, nil
}

// WindowOpen reports whether a Folio window has the library open: its
// single-instance name is taken on the session bus. Without a bus it
// cannot tell, and says no.
func WindowOpen(library string) bool {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return false
	}
	defer conn.Close()
	name, _ := busName(InstanceID(library))
	return nameOwned(conn, name)
}

func nameOwned(conn *dbus.Conn, name string) bool {
	var owned bool
	err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, name).Store(&owned)
	return err == nil && owned
}

// busName is the D-Bus name and object path Wails v2 exports for a
// single-instance lock (internal/frontend/desktop/linux/single_instance.go).
func busName(uniqueID string) (name string, path dbus.ObjectPath) {
	id := "wails_app_" + strings.NewReplacer("-", "_", ".", "_").Replace(uniqueID)
	return "org." + id + ".SingleInstance", dbus.ObjectPath("/org/" + id + "/SingleInstance")
}
