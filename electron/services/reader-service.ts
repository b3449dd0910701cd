import { FONT_SIZE, type ReaderSession, type ReaderState } from '../../core/api.ts';
import type { ProjectStore } from './store/index.ts';

const positionKey = (sourceId: string) => `reader.position:${sourceId}`;
const FONT_SIZE_KEY = 'reader.fontSize';
const LAST_SOURCE_KEY = 'reader.lastSource';
const LIBRARY_COLLAPSED_KEY = 'window.libraryCollapsed';
const SIDE_COLLAPSED_KEY = 'window.sideCollapsed';

/** What the page may change of the session: the source last open, and which panels are collapsed. */
export interface SessionPatch {
  lastSourceId?: string | null;
  libraryCollapsed?: boolean;
  sideCollapsed?: boolean;
}

/** What the reader remembers between sessions, kept in the project's settings. */
export class ReaderService {
  readonly #store: ProjectStore;

  constructor(store: ProjectStore) {
    this.#store = store;
  }

  /** Where the user was in a source, and the text size (the default until one was chosen). */
  state(sourceId: string): ReaderState {
    const offset = this.#store.getSetting(positionKey(sourceId));
    const fontSize = this.#store.getSetting(FONT_SIZE_KEY);
    return {
      offset: typeof offset === 'number' ? offset : null,
      fontSize: typeof fontSize === 'number' ? fontSize : FONT_SIZE.default,
    };
  }

  /** Remembers the reading-text offset at the top of the view. */
  savePosition(sourceId: string, offset: number): null {
    this.#store.setSetting(positionKey(sourceId), offset);
    return null;
  }

  /** Remembers the text size, for every source. */
  setFontSize(size: number): null {
    this.#store.setSetting(FONT_SIZE_KEY, size);
    return null;
  }

  /** The source last open and the panels the user collapsed, so the window reopens as it was left. */
  session(): ReaderSession {
    const last = this.#store.getSetting(LAST_SOURCE_KEY);
    return {
      lastSourceId: typeof last === 'string' ? last : null,
      collapsed: { library: this.#store.getSetting(LIBRARY_COLLAPSED_KEY) === true, side: this.#store.getSetting(SIDE_COLLAPSED_KEY) === true },
    };
  }

  /** Remembers what the patch names of the session. */
  saveSession(patch: SessionPatch): null {
    if (patch.lastSourceId !== undefined) this.#store.setSetting(LAST_SOURCE_KEY, patch.lastSourceId);
    if (patch.libraryCollapsed !== undefined) this.#store.setSetting(LIBRARY_COLLAPSED_KEY, patch.libraryCollapsed);
    if (patch.sideCollapsed !== undefined) this.#store.setSetting(SIDE_COLLAPSED_KEY, patch.sideCollapsed);
    return null;
  }
}
