package names

import (
	"slices"
	"testing"
)

// The texts here are written for the tests, not taken from any corpus.

func TestFind(t *testing.T) {
	text := `Blair meets Kenyan leader in Nairobi

Prime Minister Tony Blair has met business leaders in Nairobi, the Kenyan capital. Mr Blair told reporters that the U.S. and the UK agreed. "We are close," said Jane Okello, an economist at Savanna Holdings. The United States embassy declined to comment. Blair later flew to Washington.

The Office for National Statistics (ONS) said growth slowed. The ONS figures come after Moscow-based Gazprom warned of delays.`
	got := map[string]Name{}
	for _, n := range Find(text) {
		got[n.Name] = n
	}
	for _, want := range []struct {
		name  string
		kind  Kind
		forms []string
	}{
		{"Tony Blair", Person, []string{"Tony Blair", "Blair"}},
		{"Nairobi", Place, []string{"Nairobi"}},
		{"United States", Place, []string{"US", "United States"}},
		{"United Kingdom", Place, []string{"UK"}},
		{"Jane Okello", Person, []string{"Jane Okello"}},
		{"Savanna Holdings", Org, []string{"Savanna Holdings"}},
		{"Washington", Place, []string{"Washington"}},
		{"Office for National Statistics", Org, []string{"Office for National Statistics", "ONS"}},
		{"Moscow", Place, []string{"Moscow"}},
		{"Gazprom", Org, []string{"Gazprom"}},
	} {
		n, ok := got[want.name]
		if !ok {
			t.Errorf("%s not found; got %v", want.name, got)
			continue
		}
		if n.Kind != want.kind {
			t.Errorf("%s: kind %s, want %s", want.name, n.Kind, want.kind)
		}
		for _, f := range want.forms {
			if !slices.Contains(n.Forms, f) {
				t.Errorf("%s: forms %q lack %q", want.name, n.Forms, f)
			}
		}
		for _, sp := range n.Spans {
			if w := text[sp.Start:sp.End]; !slices.Contains(n.Forms, w) && w != "U.S." {
				t.Errorf("%s: span %v is %q, not one of its forms", want.name, sp, w)
			}
		}
	}
	for _, not := range []string{"Kenyan", "Prime Minister", "Mr Blair", "The", "We", "Blair meets"} {
		if _, ok := got[not]; ok {
			t.Errorf("%q taken for a name", not)
		}
	}
	if n := got["Tony Blair"]; len(n.Spans) != 4 {
		t.Errorf("Tony Blair: %d spans, want 4 (title, Tony Blair, Mr Blair, Blair later)", len(n.Spans))
	}
}

func TestFindHostileInput(t *testing.T) {
	for _, text := range []string{"", " ", "A", "Mr", "Mr.", "(ONS)", "U.S.", "É", "\xff\xfe", "'s", "-", "Turkey-", "-Iran", "Bank of", "of England"} {
		for _, n := range Find(text) {
			for _, sp := range n.Spans {
				if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
					t.Errorf("Find(%q): span %v out of the text", text, sp)
				}
			}
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("Mr Tony Blair said the U.S. and Bank of England (BoE) met in Moscow-based firms' offices.")
	f.Fuzz(func(t *testing.T, text string) {
		for _, n := range Find(text) {
			if n.Name == "" || len(n.Forms) == 0 || len(n.Spans) == 0 {
				t.Fatalf("empty name %+v", n)
			}
			for _, sp := range n.Spans {
				if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
					t.Fatalf("span %v out of the text", sp)
				}
			}
		}
	})
}

func TestFindKeepsWholeNames(t *testing.T) {
	text := "Advisers from Ernst & Young met King Edward III and the Prince of Wales in New York, where GDP grew."
	got := map[string]Kind{}
	for _, n := range Find(text) {
		got[n.Name] = n.Kind
	}
	for name, kind := range map[string]Kind{"Ernst & Young": Org, "Edward III": Person, "New York": Place} {
		if got[name] != kind {
			t.Errorf("%s: kind %q, want %q (found %v)", name, got[name], kind, got)
		}
	}
	for _, not := range []string{"York", "Wales", "GDP", "Young"} {
		if _, ok := got[not]; ok {
			t.Errorf("%q taken for a name (found %v)", not, got)
		}
	}
}

// TestFindOrganisations holds the organisation rules general to news, each
// on a sentence written for it with a name no list holds.
func TestFindOrganisations(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{"Shares fell after rival bank Kestrava cut its forecast.", "Kestrava"},
		{"The deal was backed by Marlowe Brothers and others.", "Marlowe Brothers"},
		{"Money came from Feldstrom Productions last year.", "Feldstrom Productions"},
		{"Critics at Tenancy Watch disagreed with the figures.", "Tenancy Watch"},
		{"Results were poor. UNWRX said the survey was flawed.", "UNWRX"},
		{"Investors bought shares in Dovecote Marris on Monday.", "Dovecote Marris"},
		{"Analysts said Dovecote Marris shares rose.", "Dovecote Marris"},
		{"A Brenlow spokeswoman declined to comment.", "Brenlow"},
		{"The figures were weak, said an economist at Harrow Quayle.", "Harrow Quayle"},
		{"Later Harrow Quayle said in a statement that it had no comment.", "Harrow Quayle"},
		{"The keeper was injured in the win against Dunmore on Saturday.", "Dunmore"},
		{"Fans saw Dunmore v Kilbrack end in a draw.", "Kilbrack"},
		{"The striker scored twice in the win against Leicester.", "Leicester"},
		{"The game was developed by Quorvel and sold well.", "Quorvel"},
		{"Fans cheered as the band Velvet Harrows took the stage.", "Velvet Harrows"},
	} {
		found := false
		for _, n := range Find(c.text) {
			if n.Name == c.name {
				found = true
				if n.Kind != Org {
					t.Errorf("%q: %s is a %s, want an organisation", c.text, c.name, n.Kind)
				}
			}
		}
		if !found {
			t.Errorf("%q: %s not found (found %v)", c.text, c.name, Find(c.text))
		}
	}
}

// TestFindEmployerOfAPerson: the words before an employer do not make an
// organisation of a person's possessive.
func TestFindEmployerOfAPerson(t *testing.T) {
	for _, n := range Find("Gill Marno is the chief executive of Tolland's new company. Tolland founded it.") {
		if n.Name == "Tolland" && n.Kind == Org {
			t.Errorf("Tolland taken for an organisation: %+v", n)
		}
	}
}

func TestLexiconOf(t *testing.T) {
	lex := LexiconOf([]Usage{
		{"Tirunesh Dibaba", Person, 2},
		{"Kestrava", Org, 2}, {"KESTRAVA", Org, 1}, // one name, three articles
		{"Marlowe", Org, 5}, {"Marlowe", Person, 1}, // used for two kinds
		{"Brenlow", Org, 2}, // too few articles
		{"Dovecote", Person, 3}, {"Dovecote", Place, 1},
	})
	for name, want := range map[string]Kind{"Tirunesh Dibaba": Person, "Dovecote": Person} {
		if got := lex.kinds[name]; got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	if k := lex.kinds["Kestrava"] + lex.kinds["KESTRAVA"]; k != Org {
		t.Errorf("Kestrava: %q, want org (lexicon %v)", k, lex.kinds)
	}
	for _, name := range []string{"Marlowe", "Brenlow"} {
		if k, ok := lex.kinds[name]; ok {
			t.Errorf("%s taken for a %s, want left out", name, k)
		}
	}
}
