//go:build !(desktop && linux && cgo)

package desktop

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

var editScripts = map[EditCommand]string{
	EditUndo:      "undo",
	EditRedo:      "redo",
	EditCut:       "cut",
	EditCopy:      "copy",
	EditPaste:     "paste",
	EditSelectAll: "selectAll",
}

// runEdit asks the page to run an editing command. Without GTK at hand
// this is the best there is; browsers may refuse clipboard commands.
func runEdit(ctx context.Context, c EditCommand) {
	if name, ok := editScripts[c]; ok {
		runtime.WindowExecJS(ctx, "document.execCommand('"+name+"')")
	}
}

// present raises the window.
func present(ctx context.Context) {
	runtime.WindowShow(ctx)
}
