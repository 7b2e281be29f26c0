//go:build race

package cli

// raceDetector is set when the tests run with -race, which makes SQLite
// (C translated to Go) many times slower, in the folio processes the
// tests start too: the chaos test then works on a smaller library.
const raceDetector = true
