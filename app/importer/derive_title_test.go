package importer

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDeriveTitle(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{
			name: "short first sentence: whole, without its full stop",
			body: "Fares rise. The council said so.",
			want: "Fares rise",
		},
		{
			name: "an abbreviation at the end keeps its full stop",
			body: "Fares rise in the U.S.\n\nThe council said so.",
			want: "Fares rise in the U.S.",
		},
		{
			name: "a question keeps its mark",
			body: "Will the ferry run? Nobody knows.",
			want: "Will the ferry run?",
		},
		{
			name: "capitals: sentence case, a clause cut with no ellipsis, acronyms and figures kept",
			body: "THE BANK OF KOREA SAID IT FIXED THE MIDRATE OF THE WON AT 844.30 TO THE DOLLAR, ITS HIGHEST LEVEL SINCE RECORDS BEGAN. THE WON ROSE.",
			want: "The bank of Korea said it fixed the midrate of the won at 844.30 to the dollar",
		},
		{
			name: "capitals: names written as the rest of the article writes them",
			body: "PORT ELLERY HARBOUR COUNCIL BACKS OSLO-STYLE FERRY PLAN.\n\nThe council in Port Ellery said the Oslo model, run by FerryCo, would work.",
			want: "Port Ellery harbour council backs Oslo-style ferry plan",
		},
		{
			name: "capitals: acronyms, a title before a name, a day",
			body: "U.S. PRESIDENT JOE BIDEN MET NATO LEADERS IN BRUSSELS ON MONDAY. More.\n\nPresident Joe Biden met leaders in Brussels.",
			want: "U.S. President Joe Biden met NATO leaders in Brussels on Monday",
		},
		{
			name: "a sentence in mixed case with an acronym is left as it is",
			body: "The EU and NATO met in Brussels. More.",
			want: "The EU and NATO met in Brussels",
		},
		{
			name: "long: a remark in brackets goes, then a cut before a phrase",
			body: "The harbour council of Port Ellery voted on Friday (September 15) to reopen the old ferry line to the islands after a gap of eleven years. More.",
			want: "The harbour council of Port Ellery voted on Friday to reopen the old ferry line…",
		},
		{
			name: "long: never ends on a word that needs the next",
			body: `Belarusian President Alexander Lukashenko floated the idea of a "three-way cooperation" with Russia and North Korea as he met his Russian counterpart. More.`,
			want: "Belarusian President Alexander Lukashenko floated the idea…",
		},
		{
			name: "long: a quotation is not cut open",
			body: `The minister said "we will build the bridge, the tunnel and the new road to the islands before the end of the decade" on Monday. More.`,
			want: `The minister said…`,
		},
		{
			name: "a wire dateline is not the title",
			body: "TOKYO, Nov 20 (Reuters) - Japan's exports fell for a third month in October as shipments to China slumped, data showed on Wednesday.",
			want: "Japan's exports fell for a third month in October as shipments to China slumped",
		},
		{
			name: "a long clause within the hard limit is kept whole",
			body: "Ferry operators across the northern islands raised their summer fares by a fifth this year. More.",
			want: "Ferry operators across the northern islands raised their summer fares by a fifth this year",
		},
		{
			name: "one endless word",
			body: strings.Repeat("x", 200),
			want: strings.Repeat("x", 80) + "…",
		},
		{
			name: "nothing to make a title of",
			body: "Watch: the video",
			want: "Untitled",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := DeriveTitle(c.body)
			if got != c.want {
				t.Errorf("title = %q\nwant    %q", got, c.want)
			}
			if n := utf8.RuneCountInString(got); n > titleMax+1 {
				t.Errorf("title of %d characters", n)
			}
		})
	}
}

// No derived title is longer than titleMax characters (and the "…"), nor
// ends a clause with one, whatever the text.
func FuzzDeriveTitle(f *testing.F) {
	f.Add("THE BANK OF KOREA SAID IT FIXED THE MIDRATE OF THE WON AT 844.30 TO THE DOLLAR, ITS HIGHEST LEVEL.")
	f.Add(strings.Repeat("word, ", 40))
	f.Add(`"` + strings.Repeat("quoted words ", 20) + `"`)
	f.Fuzz(func(t *testing.T, body string) {
		got := DeriveTitle(body)
		if n := utf8.RuneCountInString(got); n > titleMax+1 {
			t.Errorf("title of %d characters: %q", n, got)
		}
		for _, end := range []string{",…", ";…", ":…"} {
			if strings.HasSuffix(got, end) {
				t.Errorf("title %q ends a clause with an ellipsis", got)
			}
		}
	})
}
