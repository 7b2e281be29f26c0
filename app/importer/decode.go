package importer

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary is returned for files that are not text.
var ErrBinary = errors.New("the file is binary, not text")

// decodeText turns a file's bytes into text: UTF-8 with or without a byte
// order mark, UTF-16 with one, and Windows-1252 (a superset of Latin-1) when
// the bytes are not valid UTF-8. Line endings become "\n".
func decodeText(data []byte) (string, error) {
	var text string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		text = string(data[3:])
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", errors.New("the file says it is UTF-16 but is not valid UTF-16")
		}
		text = string(out)
	case looksBinary(data):
		return "", ErrBinary
	case utf8.Valid(data):
		text = string(data)
	default:
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", err
		}
		text = string(out)
	}
	if strings.ContainsRune(text, 0) {
		return "", ErrBinary
	}
	return normaliseNewlines(text), nil
}

// looksBinary reports NUL bytes or many control characters in the first 8 KB.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	control := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			control++
		}
	}
	return control > len(head)/20+1
}

func normaliseNewlines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
