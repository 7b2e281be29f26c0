package query

import (
	"reflect"
	"testing"
)

func TestOnePhrase(t *testing.T) {
	for in, want := range map[string]bool{
		`said`: true, `"prime minister"`: true, `econom*`: true, `title:china`: true, `"e-mail"`: true,
		`mobile phone`: false, `x OR b`: false, `music -album`: false, `(x b)`: false,
	} {
		if got := OnePhrase(Parse(in).Match); got != want {
			t.Errorf("OnePhrase(%q → %q) = %v, want %v", in, Parse(in).Match, got, want)
		}
	}
}

func TestAtomsAndWeights(t *testing.T) {
	q := Parse(`flow "flat plate" flow title:wing econom* -gas flow`)
	want := []string{`"flow"`, `"flat plate"`, `title : "wing"`, `"econom"*`, `"gas"`}
	if got := Atoms(q.Match); !reflect.DeepEqual(got, want) {
		t.Errorf("Atoms(%s) = %q, want %q", q.Match, got, want)
	}
	if got := q.Weights(q.Loose); !reflect.DeepEqual(got, []float64{3, 1, 1, 1, 1}) {
		t.Errorf("weights %v", got)
	}
	if got := Atoms(`"a ""b"" c" OR "d"`); !reflect.DeepEqual(got, []string{`"a ""b"" c"`, `"d"`}) {
		t.Errorf("doubled quotes: %q", got)
	}
	if got := Parse(`oil gas`).Weights(`"oil" OR "gas"`); got != nil {
		t.Errorf("weights of words typed once: %v", got)
	}
}

func TestUnquote(t *testing.T) {
	for atom, want := range map[string]string{`"oil"`: "oil", `"hi"*`: "hi*", `title : "say ""x"""*`: `say "x"*`} {
		text, prefix := Unquote(atom)
		if prefix {
			text += "*"
		}
		if text != want {
			t.Errorf("Unquote(%s) = %q", atom, text)
		}
	}
}
