package query

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		match   string
		exclude string
		filters []Filter
		terms   []string
		notes   bool
		message bool
	}{
		// The language.
		{in: `putin diesel`, match: `"putin" AND "diesel"`, terms: []string{"putin", "diesel"}},
		{in: `"three-way cooperation"`, match: `"three-way cooperation"`, terms: []string{`"three-way cooperation"`}},
		{in: `lukash*`, match: `"lukash"*`, terms: []string{"lukash*"}},
		// A word joined by hyphens is its words; a piece of one letter keeps it a phrase.
		{in: `anti-war protest`, match: `"anti" AND "war" AND "protest"`, terms: []string{"anti", "war", "protest"}},
		{in: `covid-19*`, match: `"covid" AND "19"*`, terms: []string{"covid", "19*"}},
		{in: `e-mail x-ray F-16`, match: `"e-mail" AND "x-ray" AND "F-16"`, terms: []string{"e-mail", "x-ray", "F-16"}},
		{in: `oil -anti-war`, match: `"oil" NOT "anti-war"`, terms: []string{"oil"}},
		{in: `title:anti-war`, match: `title : "anti-war"`, terms: []string{"anti-war"}},
		{in: `a--b`, match: `"a--b"`, terms: []string{"a--b"}},
		{in: `"north kor"*`, match: `"north kor"*`, terms: []string{`"north kor"*`}},
		{in: `sanctions OR embargo`, match: `"sanctions" OR "embargo"`, terms: []string{"sanctions", "embargo"}},
		{in: `oil (sanctions OR embargo)`, match: `"oil" AND ("sanctions" OR "embargo")`, terms: []string{"oil", "sanctions", "embargo"}},
		{in: `-ukraine`, exclude: `"ukraine"`, terms: []string{}},
		{in: `NOT ukraine`, exclude: `"ukraine"`, terms: []string{}},
		{in: `oil -ukraine -russia`, match: `"oil" NOT ("ukraine" OR "russia")`, terms: []string{"oil"}},
		{in: `oil NOT ukraine`, match: `"oil" NOT "ukraine"`, terms: []string{"oil"}},
		{in: `-(oil gas)`, exclude: `"oil" AND "gas"`, terms: []string{}},
		{in: `oil OR -gas`, exclude: `"gas" NOT "oil"`, terms: []string{"oil"}},
		{in: `oil -(gas -coal)`, match: `"oil" NOT (("gas" NOT "coal"))`, terms: []string{"oil", "coal"}},
		{in: `NOT NOT oil`, match: `"oil"`, terms: []string{"oil"}},
		{in: `title:korea`, match: `title : "korea"`, terms: []string{"korea"}},
		{in: `TITLE:"kim jong"`, match: `title : "kim jong"`, terms: []string{`"kim jong"`}},
		{in: `title:lukash*`, match: `title : "lukash"*`, terms: []string{"lukash*"}},
		{in: `oil oil OR oil`, match: `"oil"`, terms: []string{"oil"}},
		{in: `tag:russia tag:energy`, filters: []Filter{{Kind: Tag, Value: "russia"}, {Kind: Tag, Value: "energy"}}, terms: []string{}},
		{in: `tag:"Middle  East"`, filters: []Filter{{Kind: Tag, Value: "middle east"}}, terms: []string{}},
		{in: `tag:Region/Russia`, filters: []Filter{{Kind: Tag, Value: "region/russia"}}, terms: []string{}},
		{in: `-tag:sport`, filters: []Filter{{Kind: Tag, Value: "sport", Negate: true}}, terms: []string{}},
		{in: `NOT tag:sport oil`, match: `"oil"`, filters: []Filter{{Kind: Tag, Value: "sport", Negate: true}}, terms: []string{"oil"}},
		{in: `source:reuters`, filters: []Filter{{Kind: Source, Value: "reuters"}}, terms: []string{}},
		{in: `source:"Associated Press"`, filters: []Filter{{Kind: Source, Value: "associated press"}}, terms: []string{}},
		{in: `person:"Tony  Blair"`, filters: []Filter{{Kind: Person, Value: "tony blair"}}, terms: []string{}},
		{in: `org:UFJ -place:Iraq`, filters: []Filter{{Kind: Org, Value: "ufj"}, {Kind: Place, Value: "iraq", Negate: true}}, terms: []string{}},
		{in: `place:"`, match: `"place"`, filters: nil, terms: []string{`"place"`}},
		{in: `date:2023`, filters: []Filter{{Kind: Date, Value: "2023", From: 20230101, To: 20240101}}, terms: []string{}},
		{in: `date:2023-12`, filters: []Filter{{Kind: Date, Value: "2023-12", From: 20231201, To: 20240101}}, terms: []string{}},
		{in: `date:2024-02-29`, filters: []Filter{{Kind: Date, Value: "2024-02-29", From: 20240229, To: 20240301}}, terms: []string{}},
		{in: `after:2023-01-01`, filters: []Filter{{Kind: Date, Value: "2023-01-01", From: 20230101}}, terms: []string{}},
		{in: `before:2023-10`, filters: []Filter{{Kind: Date, Value: "2023-10", To: 20231001}}, terms: []string{}},
		{in: `date:none`, filters: []Filter{{Kind: Date, Value: "none", Undated: true}}, terms: []string{}},
		{in: `-date:none`, filters: []Filter{{Kind: Date, Value: "none", Undated: true, Negate: true}}, terms: []string{}},
		{in: `-date:2023`, filters: []Filter{{Kind: Date, Value: "2023", From: 20230101, To: 20240101, Negate: true}}, terms: []string{}},
		{in: `is:unread is:STARRED has:notes has:highlight`, terms: []string{}, filters: []Filter{
			{Kind: Is, Value: "unread"}, {Kind: Is, Value: "starred"}, {Kind: Has, Value: "notes"}, {Kind: Has, Value: "highlights"}}},
		{in: `in:notes broker`, match: `"broker"`, notes: true, terms: []string{"broker"}},
		{in: `in:notes title:broker`, match: `"broker"`, notes: true, terms: []string{"broker"}},
		{in: `-in:notes oil`, match: `"oil"`, terms: []string{"oil"}},
		// Filters are lifted to the top level, whatever surrounds them.
		{in: `(tag:a OR tag:b) oil`, match: `"oil"`, filters: []Filter{{Kind: Tag, Value: "a"}, {Kind: Tag, Value: "b"}}, terms: []string{"oil"}},
		{in: `oil OR tag:a`, match: `"oil"`, filters: []Filter{{Kind: Tag, Value: "a"}}, terms: []string{"oil"}},
		{in: `-(tag:a -tag:b)`, filters: []Filter{{Kind: Tag, Value: "a", Negate: true}, {Kind: Tag, Value: "b"}}, terms: []string{}},
		// Odd input means something sensible or is searched as words.
		{in: ``, terms: []string{}},
		{in: `   `, terms: []string{}},
		{in: `"unbalanced phrase`, match: `"unbalanced phrase"`, terms: []string{`"unbalanced phrase"`}},
		{in: `-`, message: true, terms: []string{}},
		{in: `*`, message: true, terms: []string{}},
		{in: `!!! ???`, message: true, terms: []string{}},
		{in: `OR OR`, message: true, terms: []string{}},
		{in: `NOT`, message: true, terms: []string{}},
		{in: `😀`, message: true, terms: []string{}},
		{in: `oil OR`, match: `"oil"`, terms: []string{"oil"}},
		{in: `OR oil`, match: `"oil"`, terms: []string{"oil"}},
		{in: `oil NOT`, match: `"oil"`, terms: []string{"oil"}},
		{in: `tag:`, match: `"tag"`, terms: []string{"tag"}},
		{in: `title:`, match: `"title"`, terms: []string{"title"}},
		{in: `is:purple`, match: `"is purple"`, terms: []string{"is purple"}},
		{in: `date:2023-13`, match: `"date 2023-13"`, terms: []string{"date 2023-13"}},
		{in: `date:2023-02-30`, match: `"date 2023-02-30"`, terms: []string{"date 2023-02-30"}},
		{in: `'; DROP TABLE articles; --`, match: `"DROP" AND "TABLE" AND "articles;"`, terms: []string{"DROP", "TABLE", "articles;"}},
		{in: `NEAR(x b)`, match: `"NEAR" AND "x" AND "b"`, terms: []string{"NEAR", "x", "b"}},
		{in: `^start`, match: `"^start"`, terms: []string{"^start"}},
		{in: `col:x`, match: `"col:x"`, terms: []string{"col:x"}},
		{in: `x + b`, match: `"x" AND "b"`, terms: []string{"x", "b"}},
		{in: `{title body}:x`, match: `"{title" AND "body}:x"`, terms: []string{"{title", "body}:x"}},
		{in: `say "it's ""fine"""`, match: `"say" AND "it's " AND "fine"`, terms: []string{"say", `"it's "`, `"fine"`}},
		{in: `x"b`, match: `"x" AND "b"`, terms: []string{"x", `"b"`}},
		{in: ") oil (", match: `"oil"`, terms: []string{"oil"}},
		{in: "oil\x00gas\x1fcoal\u0085", match: `"oil" AND "gas" AND "coal"`, terms: []string{"oil", "gas", "coal"}},
		{in: "oil \xff gas", match: `"oil" AND "gas"`, terms: []string{"oil", "gas"}},
		{in: `AND`, match: `"AND"`, terms: []string{"AND"}},
		{in: `or not`, match: `"not"`, terms: []string{"not"}},
		// Stopwords are left out among other words, kept alone, in phrases and in capitals.
		{in: `what is the price of oil`, match: `"price" AND "oil"`, terms: []string{"price", "oil"}},
		{in: `the who`, match: `"the" AND "who"`, terms: []string{"the", "who"}},
		{in: `"the who" live`, match: `"the who" AND "live"`, terms: []string{`"the who"`, "live"}},
		{in: `US trade`, match: `"US" AND "trade"`, terms: []string{"US", "trade"}},
		{in: `oil -the`, match: `"oil" NOT "the"`, terms: []string{"oil"}},
		{in: `the OR oil`, match: `"oil"`, terms: []string{"oil"}},
	}
	for _, tt := range tests {
		q := Parse(tt.in)
		if q.Match != tt.match || q.Exclude != tt.exclude {
			t.Errorf("Parse(%q): match %q exclude %q, want %q and %q", tt.in, q.Match, q.Exclude, tt.match, tt.exclude)
		}
		if !reflect.DeepEqual(q.Filters, tt.filters) {
			t.Errorf("Parse(%q): filters %+v, want %+v", tt.in, q.Filters, tt.filters)
		}
		if !reflect.DeepEqual(nonNil(q.Terms), tt.terms) {
			t.Errorf("Parse(%q): terms %q, want %q", tt.in, q.Terms, tt.terms)
		}
		if q.InNotes != tt.notes {
			t.Errorf("Parse(%q): in notes %v, want %v", tt.in, q.InNotes, tt.notes)
		}
		if (q.Message != "") != tt.message {
			t.Errorf("Parse(%q): message %q", tt.in, q.Message)
		}
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func TestPartsAndWithout(t *testing.T) {
	q := Parse(`oil  tag:energy (gas OR coal) -date:2023 "north sea"`)
	var parts []string
	for _, p := range q.Parts {
		parts = append(parts, p.Text)
	}
	want := []string{"oil", "tag:energy", "(gas OR coal)", "-date:2023", `"north sea"`}
	if !reflect.DeepEqual(parts, want) {
		t.Fatalf("parts %q, want %q", parts, want)
	}
	if got := q.Without(1); got != `oil (gas OR coal) -date:2023 "north sea"` {
		t.Errorf("without tag: %q", got)
	}
	if got := q.Without(2); got != `oil tag:energy -date:2023 "north sea"` {
		t.Errorf("without group: %q", got)
	}
	if got := Parse("!!! oil").Parts; len(got) != 1 || got[0].Text != "oil" {
		t.Errorf("a part that means nothing is not a part: %+v", got)
	}
}

func TestHighlightHasOnlyPositiveWords(t *testing.T) {
	q := Parse(`oil -gas title:coal tag:energy source:reuters "north sea"`)
	if q.Highlight != `"oil" OR title : "coal" OR "north sea"` {
		t.Errorf("highlight %q", q.Highlight)
	}
	if !q.Ranked() || Parse(`-gas tag:x`).Ranked() {
		t.Error("Ranked should mean: has positive words")
	}
}

func TestLongInputIsBounded(t *testing.T) {
	q := Parse(strings.Repeat("word", 1000) + " " + strings.Repeat("é", 1000))
	if len(q.Input) > maxInput {
		t.Errorf("input kept %d bytes", len(q.Input))
	}
	var words []string
	for i := range 100 {
		words = append(words, "w"+strconv.Itoa(i))
	}
	q = Parse(strings.Join(words, " "))
	if n := strings.Count(q.Match, " AND ") + 1; n != len(words) {
		t.Errorf("%d terms kept, want all %d", n, len(words))
	}
	q = Parse(strings.Repeat("(", 100) + "oil" + strings.Repeat(")", 100))
	if q.Match != `"oil"` {
		t.Errorf("deep parentheses: %q", q.Match)
	}
	q = Parse(strings.Repeat("-(x ", 30) + "b")
	if depth := strings.Count(q.Match+q.Exclude, "(("); depth > 2*maxDepth {
		t.Errorf("nesting not bounded: %s", q.Match+q.Exclude)
	}
}

func TestHyphenatedWordIsOnePart(t *testing.T) {
	q := Parse(`oil anti-war protest`)
	var got []string
	for _, p := range q.Parts {
		got = append(got, p.Text)
	}
	if want := []string{"oil", "anti-war", "protest"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("parts = %q, want %q", got, want)
	}
	if w := q.Without(1); w != "oil protest" {
		t.Errorf("Without(1) = %q", w)
	}
}

func TestLoose(t *testing.T) {
	for in, want := range map[string]string{
		`putin diesel`:                   `"putin" OR "diesel"`,
		`what is the price of oil`:       `"price" OR "oil"`,
		`oil (sanctions OR embargo)`:     `"oil" OR ("sanctions" OR "embargo")`,
		`"prime minister" visit -russia`: `("prime minister" OR "visit") NOT "russia"`,
		`oil -ukraine`:                   ``,
		`oil`:                            ``,
		`sanctions OR embargo`:           ``,
		`tag:energy oil gas`:             `"oil" OR "gas"`,
		`-(oil gas)`:                     ``,
		`real-gas properties`:            `"real" OR "gas" OR "properties"`,
	} {
		q := Parse(in)
		if q.Loose != want {
			t.Errorf("Parse(%q).Loose = %q, want %q", in, q.Loose, want)
		}
		if q.Any() != want && (want != "" || q.Any() != q.Match) {
			t.Errorf("Parse(%q).Any() = %q", in, q.Any())
		}
	}
}

func TestParseTyping(t *testing.T) {
	for in, want := range map[string]string{
		`econ`:            `"econ"*`,
		`oil econ`:        `"oil" AND "econ"*`,
		`oil econ `:       `"oil" AND "econ"`,
		`oil e`:           `"oil" AND "e"`,
		`price of the`:    `"price"`,
		`"prime minis`:    `"prime minis"`,
		`tag:energy gas`:  `"gas"*`,
		`title:kor`:       `title : "kor"`,
		`-ukr`:            ``,
		`oil -ukr`:        `"oil" NOT "ukr"*`,
		`econom*`:         `"econom"*`,
		`oil (gas`:        `"oil" AND "gas"*`,
		`oil (gas)`:       `"oil" AND "gas"`,
		`what is the pri`: `"pri"*`,
		`anti-wa`:         `"anti" AND "wa"*`,
	} {
		if got := ParseTyping(in).Match; got != want {
			t.Errorf("ParseTyping(%q).Match = %q, want %q", in, got, want)
		}
	}
}
