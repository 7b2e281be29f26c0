// Which panes the window shows beside the reader. As the window narrows,
// the sidebar goes first, then the list beside an open article, so that
// the reader keeps a readable measure; a pane that does not fit can still
// be brought up over the reader, and a pane that fits can be hidden.

export const SIDEBAR_WIDTH = 230;
export const LIST_MIN = 300;
export const LIST_MAX = 400;
/** The reader's least width: about 45 characters of article text, with its margins. */
export const READER_MIN = 500;
/** The width of the reader's highlights and notes panel. */
export const NOTES_WIDTH = 240;

export interface PaneLayout {
  /** Each pane: docked beside the reader, over it, or hidden. */
  sidebar: 'docked' | 'over' | 'hidden';
  list: 'docked' | 'over' | 'hidden';
  /** The list's width when docked. */
  listWidth: number;
  /** Whether each pane fits beside the reader. */
  fits: { sidebar: boolean; list: boolean };
}

class Panes {
  /** The window's width. */
  width = $state(typeof window === 'undefined' ? 1280 : window.innerWidth);
  /** Panes that fit but the person hid. */
  sidebarHidden = $state(false);
  listHidden = $state(false);
  /** Panes that do not fit but the person brought up over the reader. */
  sidebarOver = $state(false);
  listOver = $state(false);

  /** Where each pane goes, given whether an article is open and its notes panel is. */
  layout(reading: boolean, notes: boolean): PaneLayout {
    const need = READER_MIN + (notes ? NOTES_WIDTH : 0);
    const room = this.width - need;
    const listFits = !reading || room >= LIST_MIN;
    const listDocked = listFits && !this.listHidden;
    const sidebarFits = room - (listDocked ? LIST_MIN : 0) >= SIDEBAR_WIDTH;
    const sidebarDocked = sidebarFits && !this.sidebarHidden;
    const left = room - (sidebarDocked ? SIDEBAR_WIDTH : 0);
    return {
      sidebar: sidebarDocked ? 'docked' : !sidebarFits && this.sidebarOver ? 'over' : 'hidden',
      list: listDocked ? 'docked' : !listFits && this.listOver ? 'over' : 'hidden',
      listWidth: reading ? Math.min(LIST_MAX, Math.max(LIST_MIN, left)) : LIST_MAX,
      fits: { sidebar: sidebarFits, list: listFits },
    };
  }

  /** Whether the notes panel fits beside the reader and the list without
   *  pushing the list away: only then does it open by itself. */
  roomForNotes(): boolean {
    return this.width >= READER_MIN + NOTES_WIDTH + LIST_MIN;
  }

  /** Shows or hides a pane: docks or hides it where it fits, brings it over the reader where it does not. */
  toggle(pane: 'sidebar' | 'list', current: PaneLayout): void {
    const shown = current[pane] !== 'hidden';
    const fits = current.fits[pane];
    if (pane === 'sidebar') {
      if (fits) this.sidebarHidden = shown;
      else this.sidebarOver = !shown;
    } else {
      if (fits) this.listHidden = shown;
      else this.listOver = !shown;
    }
  }

  /** Shows a pane: docked where it fits, over the reader where it does not. */
  show(pane: 'sidebar' | 'list', current: PaneLayout): void {
    if (current[pane] === 'hidden') this.toggle(pane, current);
  }

  /** Puts away the panes brought up over the reader; true when there was one. */
  dismissOver(): boolean {
    const was = this.sidebarOver || this.listOver;
    this.sidebarOver = this.listOver = false;
    return was;
  }
}

export const panes = new Panes();
