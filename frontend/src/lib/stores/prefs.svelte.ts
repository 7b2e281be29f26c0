// The person's reading preferences, kept in the library's settings so they
// survive a restart: theme, text size, line width.
import * as api from '../api';

export type Theme = 'system' | 'light' | 'dark' | 'sepia';
export type Width = 'narrow' | 'medium' | 'wide';

const MIN_FONT = 13;
const MAX_FONT = 30;
const widths: Record<Width, string> = { narrow: '34em', medium: '40em', wide: '50em' };

class Prefs {
  theme = $state<Theme>('system');
  fontSize = $state(18);
  width = $state<Width>('medium');
  systemDark = $state(false);
  loaded = $state(false);

  /** The theme actually shown: the system's when the choice is "system". */
  get shownTheme(): 'light' | 'dark' | 'sepia' {
    if (this.theme === 'system') return this.systemDark ? 'dark' : 'light';
    return this.theme;
  }

  get measure(): string {
    return widths[this.width];
  }

  /** Takes the saved choices from the library's settings and follows the system's theme. */
  load(s: Record<string, string>): void {
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (media) {
      this.systemDark = media.matches;
      media.addEventListener?.('change', (e) => {
        this.systemDark = e.matches;
        this.apply();
      });
    }
    if (isTheme(s.theme)) this.theme = s.theme;
    const size = Number(s.fontSize);
    if (size >= MIN_FONT && size <= MAX_FONT) this.fontSize = size;
    if (s.width in widths) this.width = s.width as Width;
    this.loaded = true;
    this.apply();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.apply();
    this.save('theme', theme);
  }

  setWidth(width: Width): void {
    this.width = width;
    this.apply();
    this.save('width', width);
  }

  /** Text size one step larger (+1) or smaller (-1). */
  stepFont(direction: 1 | -1): void {
    this.fontSize = Math.min(MAX_FONT, Math.max(MIN_FONT, this.fontSize + direction));
    this.apply();
    this.save('fontSize', String(this.fontSize));
  }

  apply(): void {
    const root = document.documentElement;
    root.dataset.theme = this.shownTheme;
    root.style.setProperty('--reader-size', `${this.fontSize}px`);
    root.style.setProperty('--reader-measure', this.measure);
  }

  private save(key: string, value: string): void {
    api.setSetting(key, value).catch(() => {
      // A preference that fails to save only costs the next start its value.
    });
  }
}

function isTheme(v: string | undefined): v is Theme {
  return v === 'system' || v === 'light' || v === 'dark' || v === 'sepia';
}

export const prefs = new Prefs();
