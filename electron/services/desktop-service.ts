/** What the page may ask of the desktop itself: open a web link, and say it has saved everything. */

/** The desktop's own actions, as the Electron shell (or a test) provides them. */
export interface DesktopActions {
  /** Opens a URL in the system's browser. */
  openExternal(url: string): Promise<void>;
  /** The page has saved everything pending (asked before the window closes). */
  flushed(): void;
}

/** True for an http(s) link without control characters: nothing else ever reaches the system. */
export function isWebLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point here.
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !/[\u0000-\u001f\u007f]/u.test(url);
}

/** The page's requests to the desktop. */
export class DesktopService {
  readonly #actions: DesktopActions;

  constructor(actions: DesktopActions) {
    this.#actions = actions;
  }

  /**
   * Opens a web link in the system's browser. The page asks only after the user confirmed and the
   * contract has checked the scheme; it is checked again here, where it matters.
   */
  async openExternal(url: string): Promise<null> {
    if (isWebLink(url)) await this.#actions.openExternal(new URL(url).href);
    return null;
  }

  /** The page has saved what it still held; the window may close. */
  flushed(): null {
    this.#actions.flushed();
    return null;
  }
}
