package app

import (
	"context"
)

// Settings returns the window's stored preferences.
func (a *App) Settings() (map[string]string, error) {
	settings, err := a.db().Settings(context.Background())
	return settings, userError("read the settings", err)
}

// SetSetting stores one preference; an empty value removes it. Keys start
// with a lower-case letter, then letters, digits and dots ("theme",
// "reader.fontSize"), 64 characters at most; values hold up to 8 KB.
func (a *App) SetSetting(key, value string) error {
	return userError("save the setting", a.db().SetSetting(context.Background(), key, value))
}
