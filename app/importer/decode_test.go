package importer

import (
	"errors"
	"strings"
	"testing"
)

func TestDecodeText(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		want string
		err  error
	}{
		{"utf-8", []byte("caf\xc3\xa9"), "café", nil},
		{"utf-8 with BOM", []byte("\xef\xbb\xbfcaf\xc3\xa9"), "café", nil},
		{"utf-8 BOM with bytes that contradict it", []byte("\xef\xbb\xbfcaf\xe9"), "caf\uFFFD", nil},
		{"latin-1 pound sign", []byte("costs \xa3100"), "costs £100", nil},
		{"windows-1252 quotes", []byte("\x93quoted\x94"), "“quoted”", nil},
		{"utf-16 LE with BOM", []byte{0xFF, 0xFE, 'h', 0, 0xE9, 0, '\n', 0}, "hé\n", nil},
		{"utf-16 BE with BOM", []byte{0xFE, 0xFF, 0, 'h', 0, 0xE9}, "hé", nil},
		{"utf-16 with CRLF", []byte{0xFF, 0xFE, 'a', 0, '\r', 0, '\n', 0, 'b', 0}, "a\nb", nil},
		{"utf-16 LE without BOM", []byte{'h', 0, 0xE9, 0, ' ', 0, 0x1C, 0x20, 'x', 0, 0x1D, 0x20}, "hé “x”", nil},
		{"utf-16 BE without BOM", []byte{0, 'h', 0, 0xE9, 0, ' ', 0x20, 0x1C, 0, 'x', 0x20, 0x1D}, "hé “x”", nil},
		{"utf-16 without BOM, not Latin script but with spaces", []byte{0x2D, 0x4E, 0x87, 0x65, ' ', 0, 0x2D, 0x4E, '\n', 0}, "中文 中\n", nil},
		{"zero bytes on both sides are binary, not utf-16", []byte{'a', 0, 0, 'b', 'c', 0, 0, 'd', 'e', 0, 0, 'f'}, "", ErrBinary},
		{"CR line endings", []byte("a\rb\r\nc"), "a\nb\nc", nil},
		{"stray control characters dropped", []byte("one\x0btwo and a line of ordinary text after them\x1a"), "onetwo and a line of ordinary text after them", nil},
		{"form feed becomes a line break", []byte("page one\fpage two"), "page one\npage two", nil},
		{"tabs kept", []byte("a\tb"), "a\tb", nil},
		{"binary", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 1, 2, 3}, "", ErrBinary},
		{"binary without NUL", []byte(strings.Repeat("\x01\x02\x03abc", 20)), "", ErrBinary},
		{"utf-16 binary", []byte{0xFF, 0xFE, 0, 0, 1, 0}, "", ErrBinary},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := decodeText(c.in)
			if !errors.Is(err, c.err) {
				t.Fatalf("err = %v, want %v", err, c.err)
			}
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestDecodeTextEmpty(t *testing.T) {
	if _, err := decodeText(nil); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("err = %v, want the file is empty", err)
	}
}

func TestDecodeHTMLCharset(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"meta charset", []byte("<meta charset=\"windows-1251\"><p>\xcc\xee\xf1\xea\xe2\xe0</p>"), "Москва"},
		{"http-equiv", []byte("<meta http-equiv=\"content-type\" content=\"text/html; charset=ISO-8859-1\"><p>\xa3</p>"), "£"},
		{"koi8-r", []byte("<html><head><meta charset=koi8-r></head><p>\xed\xcf\xd3\xcb\xd7\xc1</p>"), "Москва"},
		{"declared utf-8 that is not", []byte("<meta charset=\"utf-8\"><p>\xa3</p>"), "£"},
		{"declared utf-16 without a BOM is utf-8", []byte("<meta charset=\"utf-16\"><p>caf\xc3\xa9</p>"), "café"},
		{"a BOM beats the declaration", []byte("\xef\xbb\xbf<meta charset=\"windows-1251\"><p>caf\xc3\xa9</p>"), "café"},
		{"unknown charset falls back", []byte("<meta charset=\"no-such\"><p>caf\xc3\xa9</p>"), "café"},
		{"a meta in the body does not count", []byte("<body><p>caf\xc3\xa9</p><meta charset=\"windows-1251\">"), "café"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := decodeHTML(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got, c.want) {
				t.Errorf("got %q, want it to contain %q", got, c.want)
			}
		})
	}
}
