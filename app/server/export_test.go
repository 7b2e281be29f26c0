package server

import "time"

// SetTimeouts shortens the header and body timeouts for a test; the
// returned function puts them back.
func SetTimeouts(header, body time.Duration) (restore func()) {
	h, b := headerTimeout, bodyTimeout
	headerTimeout, bodyTimeout = header, body
	return func() { headerTimeout, bodyTimeout = h, b }
}

// MaxUploadBody is the largest upload call accepted.
const MaxUploadBody = maxUploadBody
