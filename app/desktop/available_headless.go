//go:build !desktop && !bindings

package desktop

// Available reports whether this binary was built with the window; without
// the desktop build tag Wails refuses to start one.
const Available = false
