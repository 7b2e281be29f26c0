package importer

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding/htmlindex"
)

// errNoArticle is returned for a page with nothing to read in it.
var errNoArticle = errors.New("no article text found in the page")

// charsetScan is how far into a page its declared character encoding is
// looked for; browsers look in the first 1,024 bytes, saved pages sometimes
// declare it later in a long <head>.
const charsetScan = 64 << 10

// maxByline caps a byline; a longer one is a paragraph readability took for
// a byline.
const maxByline = 200

// parseHTMLPage reads a web page saved from a browser: it finds the article
// in it, its title, byline, site, address and date, and keeps the article
// as clean HTML and canonical text.
func parseHTMLPage(data []byte) (Document, error) {
	text, err := decodeHTML(data)
	if err != nil {
		return Document{}, err
	}
	if strings.TrimSpace(text) == "" {
		return Document{}, ErrEmpty
	}
	page, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return Document{}, fmt.Errorf("the page could not be read as HTML: %w", err)
	}
	meta := readPageMeta(page)
	// Formulas become text before readability, which scores and cleans
	// MathML as markup.
	linearizeMath(page)
	keepTitledCards(page, meta.title)
	var pageURL *url.URL // lets readability make the article's links absolute
	if meta.url != "" {
		pageURL, _ = url.Parse(meta.url)
	}
	parser := readability.NewParser()
	article, err := parser.ParseAndMutate(page, pageURL)
	if err != nil {
		return Document{}, fmt.Errorf("the page could not be read as an article: %w", err)
	}
	if article.Node == nil {
		return Document{}, errNoArticle
	}
	dropBoilerplate(article.Node)
	var raw strings.Builder
	if err := html.Render(&raw, article.Node); err != nil {
		return Document{}, fmt.Errorf("the article in the page could not be read: %w", err)
	}
	clean, body, err := cleanHTML(raw.String())
	if err != nil {
		return Document{}, err
	}
	if strings.TrimSpace(body) == "" {
		return Document{}, errNoArticle
	}
	doc := Document{
		Title:  withoutSite(oneLine(firstNonEmpty(article.Title(), meta.title)), article.SiteName(), siteFromURL(meta.url)),
		Byline: chooseByline(meta.byline, article.Byline()),
		Source: oneLine(firstNonEmpty(article.SiteName(), siteFromURL(meta.url))),
		URL:    meta.url,
		HTML:   clean,
		Body:   body,
	}
	if doc.Title == "" {
		deriveTitle(&doc)
	}
	// readability's own date is not used: it guesses at forms such as
	// 03/04/2023. readPageMeta reads the same tags and never guesses.
	setFirstDate(&doc, meta.dates)
	return doc, nil
}

// setFirstDate takes the first readable date of those a page gives, best
// first; when none is readable it warns about the best one.
func setFirstDate(doc *Document, dates []string) {
	for _, d := range dates {
		if p, ok := ParseDate(d); ok {
			doc.Published = p
			return
		}
	}
	if len(dates) > 0 {
		setDate(doc, dates[0])
	}
}

// decodeHTML decodes a page in the character encoding it declares; a byte
// order mark overrides the declaration, and a page that declares nothing,
// wrongly declares UTF-8, or is really UTF-8 whatever it declares, is read
// like any text file.
func decodeHTML(data []byte) (string, error) {
	if len(data) == 0 || bytes.HasPrefix(data, bomUTF8) || bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		return decodeText(data)
	}
	enc, err := htmlindex.Get(declaredCharset(data))
	if err != nil {
		return decodeText(data)
	}
	name, _ := htmlindex.Name(enc)
	// A page cannot be UTF-16 without a byte order mark: browsers treat the
	// declaration as UTF-8, and so do we.
	if name == "utf-8" || strings.HasPrefix(name, "utf-16") {
		return decodeText(data)
	}
	// A page saved as UTF-8 that still declares the encoding it was first
	// written in: text in a legacy encoding is almost never valid UTF-8
	// once it has letters beyond ASCII, so such bytes are read as UTF-8.
	if isMultibyteUTF8(data) {
		return decodeText(data)
	}
	text, err := decodeWith(enc, data)
	if err != nil {
		return "", fmt.Errorf("the page declares the character encoding %q but its bytes do not match it", name)
	}
	if looksBinary(text) {
		return "", ErrBinary
	}
	return cleanControls(normaliseNewlines(text)), nil
}

// isMultibyteUTF8 reports bytes that are valid UTF-8 with at least one
// character beyond ASCII.
func isMultibyteUTF8(data []byte) bool {
	return utf8.Valid(data) && bytes.ContainsFunc(data, func(r rune) bool { return r >= utf8.RuneSelf })
}

// declaredCharset finds <meta charset> or its http-equiv form in the page's
// head, or returns "".
func declaredCharset(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data[:min(len(data), charsetScan)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "head" {
				return ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				if cs := metaCharset(z, hasAttr); cs != "" {
					return cs
				}
			}
		}
	}
}

var contentCharset = regexp.MustCompile(`(?i)charset\s*=\s*["']?([\w.:-]+)`)

func metaCharset(z *html.Tokenizer, hasAttr bool) string {
	var charset, equiv, content string
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch strings.ToLower(string(k)) {
		case "charset":
			charset = string(v)
		case "http-equiv":
			equiv = string(v)
		case "content":
			content = string(v)
		}
	}
	if charset != "" {
		return strings.TrimSpace(charset)
	}
	if strings.EqualFold(strings.TrimSpace(equiv), "content-type") {
		if m := contentCharset.FindStringSubmatch(content); m != nil {
			return m[1]
		}
	}
	return ""
}

var byPrefix = regexp.MustCompile(`(?i)^(?:written\s+)?by\s+`)

// cleanByline tidies the byline readability found: one line, no leading
// "By", and nothing that is really a link or a whole paragraph.
func cleanByline(s string) string {
	s = byPrefix.ReplaceAllString(oneLine(s), "")
	if utf8.RuneCountInString(s) > maxByline || strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return ""
	}
	return s
}

// chooseByline picks between the byline a page shows with the article and
// the one readability reads, from the page's meta tags first. The shown
// one wins when it is a plain name (a meta author is often a desk or the
// site, or carries a date), unless it merely adds to readability's
// ("Jonathan GarberFOXBusiness" beside "Jonathan Garber").
func chooseByline(shown, read string) string {
	shown, read = cleanByline(shown), cleanByline(read)
	if !isPlainName(shown) || read != "" && strings.Contains(strings.ToLower(shown), strings.ToLower(read)) {
		return read
	}
	return shown
}

// isPlainName reports a byline of a few words with no date, handle or
// separator in it.
func isPlainName(s string) bool {
	return s != "" && len(strings.Fields(s)) <= 6 && !strings.ContainsAny(s, "0123456789@|•/")
}

// siteFromURL names a site by its host when the page does not name itself.
func siteFromURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
