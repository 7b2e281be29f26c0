package query

import "testing"

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
