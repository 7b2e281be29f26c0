//go:build desktop && linux && cgo

package desktop

/*
#cgo linux pkg-config: gtk+-3.0
#cgo !webkit2_41 pkg-config: webkit2gtk-4.0
#cgo webkit2_41 pkg-config: webkit2gtk-4.1

#include <gtk/gtk.h>
#include <webkit2/webkit2.h>

static WebKitWebView *folioFindWebView(GtkWidget *widget) {
	if (WEBKIT_IS_WEB_VIEW(widget)) {
		return WEBKIT_WEB_VIEW(widget);
	}
	if (!GTK_IS_CONTAINER(widget)) {
		return NULL;
	}
	WebKitWebView *found = NULL;
	GList *children = gtk_container_get_children(GTK_CONTAINER(widget));
	for (GList *l = children; l != NULL && found == NULL; l = l->next) {
		found = folioFindWebView(GTK_WIDGET(l->data));
	}
	g_list_free(children);
	return found;
}

// The app's window is the toplevel holding the web view; menus and dialogs
// are toplevels too.
static GtkWindow *folioMainWindow(WebKitWebView **view) {
	GtkWindow *window = NULL;
	GList *toplevels = gtk_window_list_toplevels();
	for (GList *l = toplevels; l != NULL && window == NULL; l = l->next) {
		WebKitWebView *v = folioFindWebView(GTK_WIDGET(l->data));
		if (v != NULL) {
			window = GTK_WINDOW(l->data);
			if (view != NULL) {
				*view = v;
			}
		}
	}
	g_list_free(toplevels);
	return window;
}

static const char *folioEditingCommands[] = {
	WEBKIT_EDITING_COMMAND_UNDO,
	WEBKIT_EDITING_COMMAND_REDO,
	WEBKIT_EDITING_COMMAND_CUT,
	WEBKIT_EDITING_COMMAND_COPY,
	WEBKIT_EDITING_COMMAND_PASTE,
	WEBKIT_EDITING_COMMAND_SELECT_ALL,
};

static gboolean folioRunEditing(gpointer data) {
	int command = GPOINTER_TO_INT(data);
	WebKitWebView *view = NULL;
	if (folioMainWindow(&view) != NULL && command >= 0 &&
	    command < (int)G_N_ELEMENTS(folioEditingCommands)) {
		webkit_web_view_execute_editing_command(view, folioEditingCommands[command]);
	}
	return G_SOURCE_REMOVE;
}

static gboolean folioRunPresent(gpointer data) {
	GtkWindow *window = folioMainWindow(NULL);
	if (window != NULL) {
		gtk_window_present(window);
	}
	return G_SOURCE_REMOVE;
}

// GTK may only be touched from its main loop; menu callbacks run in
// goroutines, so both calls queue their work there.
static void folioEdit(int command) {
	g_idle_add(folioRunEditing, GINT_TO_POINTER(command));
}

static void folioPresent(void) {
	g_idle_add(folioRunPresent, NULL);
}
*/
import "C"

import "context"

// runEdit runs a WebKit editing command on the page, as the keyboard
// shortcut would: scripts cannot reach the clipboard, WebKit itself can.
func runEdit(_ context.Context, c EditCommand) {
	C.folioEdit(C.int(c))
}

// present raises the window and gives it the focus.
func present(context.Context) {
	C.folioPresent()
}
