package desktop

import (
	"slices"
	"testing"

	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
)

// clicked records what each menu item does when chosen.
type clicked struct {
	sent  []string
	edits []EditCommand
	quit  int
}

func testMenu() (*menu.Menu, *clicked) {
	c := &clicked{}
	m := NewMenu(MenuActions{
		Send: func(a string) { c.sent = append(c.sent, a) },
		Edit: func(e EditCommand) { c.edits = append(c.edits, e) },
		Quit: func() { c.quit++ },
	})
	return m, c
}

// find walks the menu along labels ("View", "Theme", "Dark").
func find(t *testing.T, m *menu.Menu, path ...string) *menu.MenuItem {
	t.Helper()
	items := m.Items
	var found *menu.MenuItem
	for _, label := range path {
		found = nil
		for _, it := range items {
			if it.Label == label {
				found = it
				break
			}
		}
		if found == nil {
			t.Fatalf("no menu item %q (looking for %q)", label, path)
		}
		if found.SubMenu != nil {
			items = found.SubMenu.Items
		}
	}
	return found
}

func click(t *testing.T, m *menu.Menu, path ...string) {
	t.Helper()
	it := find(t, m, path...)
	if it.Click == nil {
		t.Fatalf("menu item %q does nothing", path)
	}
	it.Click(&menu.CallbackData{MenuItem: it})
}

func TestMenuSendsEachAction(t *testing.T) {
	for _, c := range []struct {
		path   []string
		action string
	}{
		{[]string{"File", "Import Files…"}, MenuImportFiles},
		{[]string{"File", "Import Folder…"}, MenuImportFolder},
		{[]string{"File", "Export Highlights…"}, MenuExport},
		{[]string{"File", "Backup Library…"}, MenuBackup},
		{[]string{"File", "Restore Library…"}, MenuRestore},
		{[]string{"View", "Theme", "System"}, MenuThemeSystem},
		{[]string{"View", "Theme", "Light"}, MenuThemeLight},
		{[]string{"View", "Theme", "Dark"}, MenuThemeDark},
		{[]string{"View", "Theme", "Sepia"}, MenuThemeSepia},
		{[]string{"View", "Larger Text"}, MenuFontLarger},
		{[]string{"View", "Smaller Text"}, MenuFontSmaller},
		{[]string{"View", "Keyboard Shortcuts"}, MenuShortcuts},
		{[]string{"Help", "Keyboard Shortcuts"}, MenuShortcuts},
		{[]string{"Help", "About Folio"}, MenuAbout},
	} {
		m, got := testMenu()
		click(t, m, c.path...)
		if !slices.Equal(got.sent, []string{c.action}) || got.quit != 0 || len(got.edits) != 0 {
			t.Errorf("%q sent %q (quit %d, edits %v), want only %q", c.path, got.sent, got.quit, got.edits, c.action)
		}
	}
}

func TestMenuQuitAndEdit(t *testing.T) {
	m, got := testMenu()
	click(t, m, "File", "Quit")
	if got.quit != 1 || len(got.sent) != 0 {
		t.Errorf("Quit: quit %d, sent %q", got.quit, got.sent)
	}
	for label, want := range map[string]EditCommand{
		"Undo": EditUndo, "Redo": EditRedo, "Cut": EditCut, "Copy": EditCopy,
		"Paste": EditPaste, "Select All": EditSelectAll,
	} {
		m, got := testMenu()
		click(t, m, "Edit", label)
		if !slices.Equal(got.edits, []EditCommand{want}) || len(got.sent) != 0 {
			t.Errorf("Edit ▸ %s ran %v and sent %q, want command %d", label, got.edits, got.sent, want)
		}
	}
}

func TestMenuShape(t *testing.T) {
	m, _ := testMenu()
	var top []string
	for _, it := range m.Items {
		top = append(top, it.Label)
		// On Linux every top-level item must carry a submenu; a role item
		// without one crashes Wails.
		if it.SubMenu == nil || it.Role != 0 {
			t.Errorf("top-level %q has no submenu of its own", it.Label)
		}
	}
	if want := []string{"File", "Edit", "View", "Help"}; !slices.Equal(top, want) {
		t.Errorf("menus = %q, want %q", top, want)
	}
	for path, want := range map[[2]string]string{
		{"File", "Import Files…"}: "i",
		{"File", "Quit"}:          "q",
		{"View", "Larger Text"}:   "=",
		{"View", "Smaller Text"}:  "-",
	} {
		acc := find(t, m, path[0], path[1]).Accelerator
		if acc == nil || acc.Key != want || !slices.Equal(acc.Modifiers, []keys.Modifier{keys.CmdOrCtrlKey}) {
			t.Errorf("%s ▸ %s: accelerator %+v, want Ctrl+%s", path[0], path[1], acc, want)
		}
	}
	// The page handles the editing keys itself; an accelerator would take them.
	for _, it := range find(t, m, "Edit").SubMenu.Items {
		if it.Accelerator != nil {
			t.Errorf("Edit ▸ %s has accelerator %+v", it.Label, it.Accelerator)
		}
	}
}
