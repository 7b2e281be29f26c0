package db

import (
	"context"
	"fmt"
	"regexp"
	"unicode/utf8"
)

// The window keeps its preferences here: theme, font size, line width, the
// last query, the list's sort and the like. Keys are the window's to choose
// within settingKey's pattern: a lower-case letter, then letters, digits
// and dots ("theme", "reader.fontSize"), 64 characters at most.
var settingKey = regexp.MustCompile(`^[a-z][a-zA-Z0-9.]{0,63}$`)

// MaxSettingValue bounds one setting's value, in bytes: preferences are
// small, and this keeps a runaway caller from filling the library.
const MaxSettingValue = 8 << 10

// Settings returns every stored setting.
func (s *Store) Settings(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return nil, fmt.Errorf("read settings: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("read settings: %w", err)
		}
		out[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read settings: %w", err)
	}
	return out, nil
}

// SetSetting stores one setting; an empty value removes it, so the window
// falls back to its default.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	switch {
	case !settingKey.MatchString(key):
		return fmt.Errorf("%q is not a setting name: use a lower-case letter, then letters, digits or dots (at most 64)", key)
	case len(value) > MaxSettingValue:
		return fmt.Errorf("setting %q: the value is %d bytes; settings hold at most %d", key, len(value), MaxSettingValue)
	case !utf8.ValidString(value):
		return fmt.Errorf("setting %q: the value is not valid text (UTF-8)", key)
	}
	var err error
	if value == "" {
		_, err = s.db.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, key)
	} else {
		_, err = s.db.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	}
	if err != nil {
		return fmt.Errorf("save setting %q: %w", key, err)
	}
	return nil
}
