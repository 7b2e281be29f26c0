package importer

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	gmtext "github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

// markdown renders Markdown with GitHub's extensions. Raw HTML is let
// through here because cleanHTML sanitizes everything afterwards.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithRendererOptions(gmhtml.WithUnsafe()),
)

// frontMatterKey recognises a line that starts a YAML field, which tells
// front matter apart from a Markdown rule followed by a paragraph.
var frontMatterKey = regexp.MustCompile(`(?m)^[A-Za-z_][\w-]*[ \t]*:([ \t]|$)`)

// yamlLine finds the line number in a YAML error message.
var yamlLine = regexp.MustCompile(`line (\d+)`)

// parseMarkdown reads a Markdown article with optional YAML front matter.
// Without a title in the front matter, the first "# heading" is the title
// and is not repeated in the body.
func parseMarkdown(text string) (Document, error) {
	var doc Document
	front, rest, ok := splitFrontMatter(text)
	if ok {
		if err := readFrontMatter(&doc, front); err != nil {
			return Document{}, err
		}
	} else {
		rest = text
	}
	source := []byte(rest)
	root := markdown.Parser().Parse(gmtext.NewReader(source))
	if h := firstTitleHeading(root); h != nil {
		title, err := renderText(h, source)
		if err != nil {
			return Document{}, err
		}
		if doc.Title == "" || strings.EqualFold(title, doc.Title) {
			doc.Title = firstNonEmpty(doc.Title, title)
			root.RemoveChild(root, h)
		}
	}
	var out bytes.Buffer
	if err := markdown.Renderer().Render(&out, source, root); err != nil {
		return Document{}, fmt.Errorf("the Markdown could not be rendered: %w", err)
	}
	clean, body, err := cleanHTML(out.String())
	if err != nil {
		return Document{}, err
	}
	if strings.TrimSpace(body) == "" {
		return Document{}, fmt.Errorf("the Markdown has no article text, only a title or front matter: %w", ErrEmpty)
	}
	doc.HTML, doc.Body = clean, body
	if doc.Title == "" {
		deriveTitle(&doc)
	}
	return doc, nil
}

// splitFrontMatter separates a YAML block between "---" lines at the very
// top from the Markdown after it.
func splitFrontMatter(text string) (front, rest string, ok bool) {
	first, after, found := strings.Cut(text, "\n")
	if !found || strings.TrimRight(first, " \t") != "---" {
		return "", "", false
	}
	for offset := 0; offset < len(after); {
		line, _, _ := strings.Cut(after[offset:], "\n")
		if trimmed := strings.TrimRight(line, " \t"); trimmed == "---" || trimmed == "..." {
			front = after[:offset]
			if strings.TrimSpace(front) != "" && !frontMatterKey.MatchString(front) {
				return "", "", false // a rule, a paragraph and another rule
			}
			return front, after[min(len(after), offset+len(line)+1):], true
		}
		offset += len(line) + 1
	}
	return "", "", false
}

// readFrontMatter sets the document's fields from the front matter.
func readFrontMatter(doc *Document, front string) error {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(front), &root); err != nil {
		return fmt.Errorf("the front matter is not valid YAML: %s", yamlMessage(err))
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil // "---" and "---" with nothing between
	}
	fields := root.Content[0]
	if fields.Kind != yaml.MappingNode {
		return fmt.Errorf("the front matter must be fields such as \"title: …\", one a line (line %d)", fields.Line+1)
	}
	for i := 0; i+1 < len(fields.Content); i += 2 {
		key, value := fields.Content[i], fields.Content[i+1]
		if err := setYAMLField(doc, strings.ToLower(key.Value), value); err != nil {
			return fmt.Errorf("the front matter, line %d: %w", key.Line+1, err)
		}
	}
	return nil
}

func setYAMLField(doc *Document, key string, v *yaml.Node) error {
	if v.Kind == yaml.AliasNode {
		v = v.Alias
	}
	if v == nil || v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	switch key {
	case "title", "date", "source", "url":
		s, err := yamlText(key, v)
		if err != nil {
			return err
		}
		setTextField(doc, key, s)
	case "author", "authors":
		names, err := yamlList(key, v)
		if err != nil {
			return err
		}
		doc.Byline = oneLine(strings.Join(names, ", "))
	case "tags":
		tags, err := yamlList(key, v)
		if err != nil {
			return err
		}
		if v.Kind == yaml.ScalarNode {
			tags = strings.Split(tags[0], ",")
		}
		doc.Tags = cleanTags(tags)
	}
	return nil
}

// yamlText reads a field that must be one piece of text.
func yamlText(key string, v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", fmt.Errorf("%q must be text, not %s", key, yamlKind(v))
	}
	return v.Value, nil
}

// yamlList reads a field that may be one piece of text or a list of them.
func yamlList(key string, v *yaml.Node) ([]string, error) {
	if v.Kind == yaml.ScalarNode {
		return []string{v.Value}, nil
	}
	if v.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%q must be text or a list of text, not %s", key, yamlKind(v))
	}
	var out []string
	for _, item := range v.Content {
		if item.Kind != yaml.ScalarNode {
			return nil, fmt.Errorf("%q must be a list of text, but one item is %s", key, yamlKind(item))
		}
		out = append(out, item.Value)
	}
	return out, nil
}

func yamlKind(v *yaml.Node) string {
	switch v.Kind {
	case yaml.MappingNode:
		return "a set of fields"
	case yaml.SequenceNode:
		return "a list"
	}
	return "a value of another kind"
}

// yamlMessage words a YAML error with the line counted from the top of the
// file (the front matter starts on line 2).
func yamlMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	return yamlLine.ReplaceAllStringFunc(msg, func(s string) string {
		n, _ := strconv.Atoi(strings.TrimPrefix(s, "line "))
		return "line " + strconv.Itoa(n+1)
	})
}

// firstTitleHeading finds the first level-1 heading at the top level.
func firstTitleHeading(root ast.Node) *ast.Heading {
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 1 {
			return h
		}
	}
	return nil
}

// renderText renders one node's Markdown and returns the text it shows.
func renderText(n ast.Node, source []byte) (string, error) {
	var out bytes.Buffer
	if err := markdown.Renderer().Render(&out, source, n); err != nil {
		return "", fmt.Errorf("the Markdown could not be rendered: %w", err)
	}
	_, text, err := cleanHTML(out.String())
	return oneLine(text), err
}
