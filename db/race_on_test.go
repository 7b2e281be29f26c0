//go:build race

package db

// raceDetector is set when the tests run with -race, which makes SQLite
// (C translated to Go) several times slower: long randomized tests then
// run a sample, and `make test` runs them in full without it.
const raceDetector = true
