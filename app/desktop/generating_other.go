//go:build !bindings

package desktop

// GeneratingBindings is true in the build "wails generate module" runs to
// write the frontend's bindings: it only inspects the bound methods.
const GeneratingBindings = false
