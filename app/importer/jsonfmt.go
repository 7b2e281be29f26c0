package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// jsonFields are the article fields a JSON object may carry, in the order
// they are read (and so the order problems are reported in).
var jsonFields = []string{"title", "date", "source", "url", "author", "tags", "body", "html"}

// parseJSON reads one article object or a list of them. A list item that
// cannot be read becomes a Document with a Problem; the others still count.
func parseJSON(data []byte) ([]Document, error) {
	text, err := decodeJSON(data)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return nil, ErrEmpty
	}
	var top json.RawMessage
	if err := json.Unmarshal(text, &top); err != nil {
		return nil, jsonSyntaxError(text, err)
	}
	switch top[0] {
	case '{':
		doc, err := jsonArticle(top)
		if err != nil {
			return nil, singleArticleError(err)
		}
		return []Document{doc}, nil
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(top, &items); err != nil {
			return nil, jsonSyntaxError(text, err)
		}
		if len(items) == 0 {
			return nil, errors.New("the JSON list is empty: there is no article in it")
		}
		docs := make([]Document, len(items))
		for i, item := range items {
			doc, err := jsonArticle(item)
			if err != nil {
				doc = Document{Problem: fmt.Sprintf("item %d: %v", i+1, err)}
			}
			docs[i] = doc
		}
		return docs, nil
	}
	return nil, fmt.Errorf("the JSON holds %s, not an article object (with \"title\", \"body\" …) or a list of them", jsonKind(top))
}

// decodeJSON returns the file as UTF-8. JSON must be UTF-8 (a UTF-16 file
// with a byte order mark is converted); unlike plain text there is no
// fallback, because a JSON file in another encoding is a broken export.
func decodeJSON(data []byte) ([]byte, error) {
	if len(data) == 0 {
		return nil, errors.New("the file is empty (0 bytes)")
	}
	if !bytes.HasPrefix(data, bomUTF16LE) && !bytes.HasPrefix(data, bomUTF16BE) {
		if bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0 {
			return nil, ErrBinary
		}
		if bad := firstInvalidUTF8(data); bad >= 0 {
			return nil, fmt.Errorf("the JSON is not valid UTF-8 (line %d has bytes in another encoding); save the file as UTF-8", lineAt(data, bad))
		}
	}
	text, err := decodeBytes(data)
	if err != nil {
		return nil, err
	}
	if looksBinary(text) {
		return nil, ErrBinary
	}
	return []byte(text), nil
}

// firstInvalidUTF8 returns the offset of the first byte that is not UTF-8,
// or -1.
func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// lineAt is the 1-based line number of a byte offset.
func lineAt(data []byte, offset int) int {
	return bytes.Count(data[:min(offset, len(data))], []byte("\n")) + 1
}

// jsonSyntaxError words a JSON parse error with the line it is on.
func jsonSyntaxError(text []byte, err error) error {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		if syntax.Offset >= int64(len(text)) || strings.Contains(syntax.Error(), "end of JSON input") {
			return fmt.Errorf("the JSON is not valid: it ends too early at line %d (a closing } or ] or \" is missing)", lineAt(text, len(text)))
		}
		return fmt.Errorf("the JSON is not valid: line %d: %s", lineAt(text, int(syntax.Offset)), syntax.Error())
	}
	return fmt.Errorf("the JSON is not valid: %w", err)
}

// singleArticleError words an article problem for a file holding only it.
func singleArticleError(err error) error {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "it "); ok {
		return errors.New("the article " + rest)
	}
	return errors.New("the article's " + msg)
}

// jsonArticle reads one article object.
func jsonArticle(raw json.RawMessage) (Document, error) {
	var obj map[string]json.RawMessage
	if len(raw) == 0 || raw[0] != '{' || json.Unmarshal(raw, &obj) != nil {
		return Document{}, fmt.Errorf("it is %s, not an article object", jsonKind(raw))
	}
	fields := lowerKeys(obj)
	var doc Document
	var body, htmlText string
	for _, key := range jsonFields {
		v, ok := fields[key]
		if !ok {
			continue
		}
		var err error
		switch key {
		case "author", "tags":
			var list []string
			if list, err = jsonList(key, v); err == nil && key == "author" {
				doc.Byline = oneLine(strings.Join(list, ", "))
			} else if err == nil && len(list) == 1 && v[0] == '"' {
				doc.Tags = cleanTags(strings.Split(list[0], ","))
			} else if err == nil {
				doc.Tags = cleanTags(list)
			}
		case "body":
			body, err = jsonText(key, v)
		case "html":
			htmlText, err = jsonText(key, v)
		default:
			var s string
			if s, err = jsonText(key, v); err == nil {
				setTextField(&doc, key, s)
			}
		}
		if err != nil {
			return Document{}, err
		}
	}
	if err := setJSONBody(&doc, fields, body, htmlText); err != nil {
		return Document{}, err
	}
	return doc, nil
}

// setJSONBody fills Body (and HTML) from "html" when it has text, else
// from "body".
func setJSONBody(doc *Document, fields map[string]json.RawMessage, body, htmlText string) error {
	_, hasBody := fields["body"]
	_, hasHTML := fields["html"]
	if strings.TrimSpace(htmlText) != "" {
		clean, text, err := cleanHTML(htmlText)
		if err != nil {
			return err
		}
		if strings.TrimSpace(text) != "" {
			doc.HTML, doc.Body = clean, text
		} else if strings.TrimSpace(body) == "" {
			return errors.New(`it has "html" but no text in it`)
		}
	}
	if doc.Body == "" {
		doc.Body = normaliseParagraphs(cleanControls(normaliseNewlines(body)))
	}
	switch {
	case doc.Body != "":
	case !hasBody && !hasHTML:
		return errors.New(`it has neither "body" nor "html"`)
	default:
		return errors.New(`it has an empty "body"`)
	}
	if doc.Title == "" {
		deriveTitle(doc)
	}
	return nil
}

// lowerKeys matches field names whatever their case ("Title", "TITLE").
// When two differ only in case, the one sorting last wins, so the outcome
// does not depend on map order.
func lowerKeys(obj map[string]json.RawMessage) map[string]json.RawMessage {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make(map[string]json.RawMessage, len(obj))
	for _, k := range keys {
		out[strings.ToLower(k)] = obj[k]
	}
	return out
}

// jsonText reads a field that must be a string; null counts as absent.
func jsonText(key string, v json.RawMessage) (string, error) {
	var s *string
	if err := json.Unmarshal(v, &s); err != nil {
		return "", fmt.Errorf("%q must be text, not %s", key, jsonKind(v))
	}
	if s == nil {
		return "", nil
	}
	return *s, nil
}

// jsonList reads a field that may be a string or a list of strings.
func jsonList(key string, v json.RawMessage) ([]string, error) {
	if len(v) > 0 && v[0] != '[' {
		s, err := jsonText(key, v)
		if err != nil {
			return nil, fmt.Errorf("%q must be text or a list of text, not %s", key, jsonKind(v))
		}
		return []string{s}, nil
	}
	var list []*string
	if err := json.Unmarshal(v, &list); err != nil {
		return nil, fmt.Errorf("%q must be a list of text, but an item in it is not text", key)
	}
	out := make([]string, 0, len(list))
	for _, s := range list {
		if s != nil {
			out = append(out, *s)
		}
	}
	return out, nil
}

// jsonKind names the kind of a JSON value for a person.
func jsonKind(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "nothing"
	}
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "text"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}
