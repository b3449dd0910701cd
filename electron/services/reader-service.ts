import { FONT_SIZE, type ReaderState } from '../../core/api.ts';
import type { ProjectStore } from './store/index.ts';

const positionKey = (sourceId: string) => `reader.position:${sourceId}`;
const FONT_SIZE_KEY = 'reader.fontSize';

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
}
