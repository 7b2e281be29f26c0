package importer

import (
	"os"
	"strings"
	"testing"
)

func TestQuotePageKeepsOnlyItsQuote(t *testing.T) {
	data, err := os.ReadFile("testdata/quote-page.html")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := Parse("quote-page.html", data)
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	checkDocument(t, d)
	if !strings.Contains(d.Body, "A harbour is only as calm as its widest wall, and a town") {
		t.Errorf("the page's own quote is lost:\n%s", d.Body)
	}
	for _, neighbour := range []string{"Every lighthouse", "A tide table", "Nets are mended", "The gulls know", "Fog makes honest men"} {
		if strings.Contains(d.Body, neighbour) {
			t.Errorf("a neighbouring quote is kept (%q):\n%s", neighbour, d.Body)
		}
	}
}

// cardPage is a page of three alike cards under the given title.
func cardPage(title string, cards ...string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><title>" + title + "</title></head><body><div class=\"list\">")
	for i, c := range cards {
		b.WriteString(`<div class="card"><p>` + c + `</p><p><a href="/item/` + string(rune('a'+i)) + `">More</a></p></div>`)
	}
	b.WriteString("</div></body></html>")
	return []byte(b.String())
}

func TestCardsStayUnlessTheTitleNamesOne(t *testing.T) {
	cards := []string{
		"The river ferry runs every hour from the old pier to the island market, and tickets are sold on board by the crew.",
		"The night bus leaves the square at midnight and stops at every village along the coast road until it reaches the port.",
		"The mountain railway climbs to the lake in forty minutes and runs from the first of May until the end of September.",
	}
	cases := []struct {
		name, title string
		kept        []int
	}{
		{"the title names one card", "The night bus leaves the square at midnight | Travel Notes", []int{1}},
		{"a list page", "Ways to travel around the bay | Travel Notes", []int{0, 1, 2}},
		{"the title's words in every card", "The | Travel Notes", []int{0, 1, 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			docs, err := Parse("cards.html", cardPage(c.title, cards...))
			if err != nil {
				t.Fatal(err)
			}
			body := docs[0].Body
			for i, card := range cards {
				want := false
				for _, k := range c.kept {
					want = want || k == i
				}
				if got := strings.Contains(body, card); got != want {
					t.Errorf("card %d kept: %v, want %v\n%s", i, got, want, body)
				}
			}
		})
	}
}

// Paragraphs of an article that share a class are not cards, even when
// one of them repeats the headline.
func TestParagraphsSharingAClassAreNotCards(t *testing.T) {
	paragraph := `<p class="body-text">The harbour council voted on Friday to reopen the old ferry line to the islands after a gap of eleven years, as <a href="https://paper.example/vote">reported</a> here.</p>`
	page := `<!DOCTYPE html><html><head><title>Council votes to reopen the ferry line | Harbour News</title></head><body><article>` +
		`<p class="body-text">Council votes to reopen the ferry line, and the first boats will sail in spring, <a href="https://paper.example/spring">the council says</a>.</p>` +
		strings.Repeat(paragraph, 4) + `</article></body></html>`
	docs, err := Parse("article.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	body := docs[0].Body
	if n := strings.Count(body, "The harbour council voted"); n != 4 {
		t.Errorf("%d of 4 paragraphs kept:\n%s", n, body)
	}
	if !strings.Contains(body, "first boats will sail") {
		t.Errorf("the first paragraph is lost:\n%s", body)
	}
}
