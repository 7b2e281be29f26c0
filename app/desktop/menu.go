package desktop

import (
	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
)

// EventMenu is the event the window's menu sends to the frontend; its data
// is one of the Menu… actions below. The frontend owns the dialogs, the
// theme and the font size, so the menu only says what was chosen.
const EventMenu = "menu"

// The actions the menu sends with EventMenu.
const (
	MenuImportFiles  = "import-files"
	MenuImportFolder = "import-folder"
	MenuExport       = "export"
	MenuBackup       = "backup"
	MenuRestore      = "restore"
	MenuThemeSystem  = "theme:system"
	MenuThemeLight   = "theme:light"
	MenuThemeDark    = "theme:dark"
	MenuThemeSepia   = "theme:sepia"
	MenuFontLarger   = "font:larger"
	MenuFontSmaller  = "font:smaller"
	MenuShortcuts    = "shortcuts"
	MenuAbout        = "about"
)

// EditCommand is one of WebKit's editing commands, run on the page.
type EditCommand int

// The Edit menu's commands.
const (
	EditUndo EditCommand = iota
	EditRedo
	EditCut
	EditCopy
	EditPaste
	EditSelectAll
)

// MenuActions are what the menu does, supplied by the window.
type MenuActions struct {
	// Send tells the frontend an action was chosen (emits EventMenu).
	Send func(action string)
	// Edit runs an editing command in the page.
	Edit func(EditCommand)
	// Quit closes the window, saving its state on the way.
	Quit func()
}

// NewMenu builds the application menu: File, Edit, View, Help.
//
// The Edit menu is built here rather than with Wails' menu.EditMenu(): that
// is a macOS role, and on Linux Wails dereferences its missing submenu and
// crashes. Its items carry no accelerators on purpose: a GTK accelerator
// takes the key before the page sees it, and the page already handles
// Ctrl+C, Ctrl+V, Ctrl+Z and Ctrl+A natively (and may give Ctrl+A its own
// meaning in the article list).
func NewMenu(do MenuActions) *menu.Menu {
	send := func(action string) menu.Callback {
		return func(*menu.CallbackData) { do.Send(action) }
	}
	edit := func(c EditCommand) menu.Callback {
		return func(*menu.CallbackData) { do.Edit(c) }
	}
	m := menu.NewMenu()

	file := m.AddSubmenu("File")
	file.AddText("Import Files…", keys.CmdOrCtrl("i"), send(MenuImportFiles))
	file.AddText("Import Folder…", nil, send(MenuImportFolder))
	file.AddSeparator()
	file.AddText("Export Highlights…", nil, send(MenuExport))
	file.AddSeparator()
	file.AddText("Backup Library…", nil, send(MenuBackup))
	file.AddText("Restore Library…", nil, send(MenuRestore))
	file.AddSeparator()
	file.AddText("Quit", keys.CmdOrCtrl("q"), func(*menu.CallbackData) { do.Quit() })

	editMenu := m.AddSubmenu("Edit")
	editMenu.AddText("Undo", nil, edit(EditUndo))
	editMenu.AddText("Redo", nil, edit(EditRedo))
	editMenu.AddSeparator()
	editMenu.AddText("Cut", nil, edit(EditCut))
	editMenu.AddText("Copy", nil, edit(EditCopy))
	editMenu.AddText("Paste", nil, edit(EditPaste))
	editMenu.AddSeparator()
	editMenu.AddText("Select All", nil, edit(EditSelectAll))

	view := m.AddSubmenu("View")
	theme := view.AddSubmenu("Theme")
	theme.AddText("System", nil, send(MenuThemeSystem))
	theme.AddText("Light", nil, send(MenuThemeLight))
	theme.AddText("Dark", nil, send(MenuThemeDark))
	theme.AddText("Sepia", nil, send(MenuThemeSepia))
	view.AddSeparator()
	view.AddText("Larger Text", keys.CmdOrCtrl("="), send(MenuFontLarger))
	view.AddText("Smaller Text", keys.CmdOrCtrl("-"), send(MenuFontSmaller))
	view.AddSeparator()
	view.AddText("Keyboard Shortcuts", nil, send(MenuShortcuts))

	help := m.AddSubmenu("Help")
	help.AddText("Keyboard Shortcuts", nil, send(MenuShortcuts))
	help.AddSeparator()
	help.AddText("About Folio", nil, send(MenuAbout))
	return m
}
