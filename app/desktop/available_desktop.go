//go:build desktop || bindings

package desktop

// Available reports whether this binary was built with the window.
const Available = true
