package importer

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// ErrBinary is returned for files that are not text.
var ErrBinary = errors.New("the file is binary, not text")

// ErrEmpty is returned for a file with no text in it.
var ErrEmpty = errors.New("the file has no text")

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText turns a file's bytes into text: UTF-8 with or without a byte
// order mark, UTF-16 with one or recognised without, and Windows-1252 (a superset of Latin-1) when
// the bytes are not valid UTF-8. Line endings become "\n" and stray control
// characters are dropped.
func decodeText(data []byte) (string, error) {
	if len(data) == 0 {
		return "", errors.New("the file is empty (0 bytes)")
	}
	text, err := decodeBytes(data)
	if err != nil {
		return "", err
	}
	if looksBinary(text) {
		return "", ErrBinary
	}
	return cleanControls(normaliseNewlines(text)), nil
}

// decodeBytes picks the encoding: a byte order mark wins, then UTF-16 when
// the zero bytes say so, then UTF-8 when the bytes are valid UTF-8, then
// Windows-1252, which can decode any byte.
func decodeBytes(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		// Bytes that contradict the mark are shown as replacement
		// characters rather than guessed at.
		return strings.ToValidUTF8(string(data[3:]), "\uFFFD"), nil
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		// ExpectBOM lets the mark pick the byte order.
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", errors.New("the file starts with a UTF-16 byte order mark but is not valid UTF-16")
		}
		return string(out), nil
	}
	if order, ok := utf16Order(data); ok {
		out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(data)
		if err == nil && utf8.Valid(out) {
			return string(out), nil
		}
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	return decodeWith(charmap.Windows1252, data)
}

// utf16Order recognises UTF-16 without a byte order mark by its zero
// bytes: text in a script written with Latin letters, digits, spaces or
// line breaks has a zero in the high byte of most of its code units, and
// that byte falls on the same side of every pair. UTF-8 and the 8-bit
// encodings have no zero bytes at all in text, and binary data has them
// on both sides.
func utf16Order(data []byte) (unicode.Endianness, bool) {
	n := min(len(data), 8192) &^ 1
	if n < 4 || len(data)%2 != 0 {
		return unicode.LittleEndian, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		switch {
		case data[i] == 0 && data[i+1] == 0:
			return unicode.LittleEndian, false // a NUL character: binary
		case data[i] == 0:
			zeroEven++
		case data[i+1] == 0:
			zeroOdd++
		}
	}
	units := n / 2
	switch {
	case zeroOdd*4 >= units && zeroEven*50 <= units:
		return unicode.LittleEndian, true
	case zeroEven*4 >= units && zeroOdd*50 <= units:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

// decodeWith decodes data from a known encoding, into a string sized
// for it from the start: growing a buffer as it fills, and copying it to
// a string, held three times a large file's size.
func decodeWith(enc encoding.Encoding, data []byte) (string, error) {
	var out strings.Builder
	out.Grow(len(data) + len(data)/8 + 64)
	if _, err := io.Copy(&out, transform.NewReader(bytes.NewReader(data), enc.NewDecoder())); err != nil {
		return "", errors.New("the file's bytes do not match its declared character encoding")
	}
	return strings.ToValidUTF8(out.String(), "\uFFFD"), nil
}

// looksBinary reports text that is really binary data: a NUL character, or
// more than two control characters making up more than 1 in 50 of the
// first 8,000.
func looksBinary(text string) bool {
	control, n := 0, 0
	for _, r := range text {
		if n == 8000 {
			break
		}
		n++
		switch {
		case r == 0:
			return true
		case isStrayControl(r):
			control++
		}
	}
	return control > 2 && control*50 > n
}

// isStrayControl reports control characters that have no place in article
// text: everything below space except tab, line feed, form feed and carriage
// return, plus DEL and the C1 controls.
func isStrayControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\f' && r != '\r' || r >= 0x7F && r <= 0x9F
}

// cleanControls drops stray control characters (a trailing ^Z, a vertical
// tab) and turns form feeds into blank lines.
func cleanControls(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return isStrayControl(r) || r == '\f' }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\f':
			return '\n'
		case isStrayControl(r):
			return -1
		}
		return r
	}, s)
}

func normaliseNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
