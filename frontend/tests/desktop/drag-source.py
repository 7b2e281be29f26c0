"""A window to drag files from, for the desktop tests: it offers the files
given on the command line as a text/uri-list, as a file manager does, and
prints "ready" once it is on screen.

Usage: python3 drag-source.py X Y FILE...   (places the window at X, Y)
"""
import sys
from pathlib import Path

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402


def main():
    x, y = int(sys.argv[1]), int(sys.argv[2])
    uris = [Path(p).resolve().as_uri() for p in sys.argv[3:]]
    window = Gtk.Window(title="folio-drag-source")
    window.set_default_size(160, 80)
    window.move(x, y)
    button = Gtk.Button(label="drag these files")
    button.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
    button.drag_source_add_uri_targets()
    button.connect("drag-data-get", lambda _w, _c, data, _i, _t: data.set_uris(uris))
    button.connect("drag-end", lambda *_: print("drag ended", flush=True))
    window.add(button)
    window.connect("destroy", Gtk.main_quit)
    window.show_all()
    GLib.timeout_add(300, lambda: print("ready", flush=True) and False)
    Gtk.main()


if __name__ == "__main__":
    main()
