package desktop

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/godbus/dbus/v5"
	"github.com/wailsapp/wails/v2/pkg/options"
)

// sessionBus starts a private D-Bus session daemon for the test and points
// DBUS_SESSION_BUS_ADDRESS at it.
func sessionBus(t *testing.T) {
	t.Helper()
	daemon, err := exec.LookPath("dbus-daemon")
	if err != nil {
		t.Skip("dbus-daemon is not installed")
	}
	cmd := exec.Command(daemon, "--session", "--nofork", "--print-address=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon printed no address: %v", err)
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", strings.TrimSpace(addr))
}

type fakeWindow chan string

func (f fakeWindow) SendMessage(message string) *dbus.Error {
	f <- message
	return nil
}

func TestHandOffWithNoWindowOpen(t *testing.T) {
	sessionBus(t)
	library := filepath.Join(t.TempDir(), "library.db")
	handed, err := HandOff(library, []string{"a.txt"})
	if handed || err != nil {
		t.Errorf("HandOff with no window = %v, %v; want false, nil", handed, err)
	}
	if WindowOpen(library) {
		t.Error("WindowOpen with no window said yes")
	}
}

func TestHandOffWithoutASessionBus(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	handed, err := HandOff(filepath.Join(t.TempDir(), "library.db"), nil)
	if handed || err != nil {
		t.Errorf("HandOff without a bus = %v, %v; want false, nil", handed, err)
	}
}

// TestHandOffReachesTheOpenWindow plays the open window the way Wails
// exports it, and checks the message is the one Wails would send.
func TestHandOffReachesTheOpenWindow(t *testing.T) {
	sessionBus(t)
	library := filepath.Join(t.TempDir(), "library.db")
	other := filepath.Join(t.TempDir(), "other.db")
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	name, path := busName(InstanceID(library))
	got := make(fakeWindow, 1)
	if err := conn.Export(got, path, name); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName(name, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("RequestName = %v, %v", reply, err)
	}

	if !WindowOpen(library) || WindowOpen(other) {
		t.Errorf("WindowOpen: %v for the open library, %v for another", WindowOpen(library), WindowOpen(other))
	}
	if handed, err := HandOff(other, []string{"x.txt"}); handed || err != nil {
		t.Fatalf("another library's launch was handed to this window: %v, %v", handed, err)
	}
	args := []string{"--db", library, "news/a.txt"}
	handed, err := HandOff(library, args)
	if !handed || err != nil {
		t.Fatalf("HandOff = %v, %v; want true", handed, err)
	}
	var data options.SecondInstanceData
	if err := json.Unmarshal([]byte(<-got), &data); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	if !slices.Equal(data.Args, args) || data.WorkingDirectory != wd {
		t.Errorf("the window got %+v, want args %q from %s", data, args, wd)
	}
}

func TestBusNameMatchesWails(t *testing.T) {
	name, path := busName("folio_ab12")
	if name != "org.wails_app_folio_ab12.SingleInstance" || path != "/org/wails_app_folio_ab12/SingleInstance" {
		t.Errorf("busName = %s, %s", name, path)
	}
	if !path.IsValid() {
		t.Errorf("%s is not a valid object path", path)
	}
}
