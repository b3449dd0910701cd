/** The origin the renderer is served from (see `app-protocol.ts`). */
export const APP_SCHEME = 'apparatus';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * True for URLs of our own pages. (Node's URL gives non-special schemes the origin "null", so
 * scheme and host are compared instead of origins.)
 */
export function isAppUrl(value: string | undefined): boolean {
  if (!value) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/**
 * True when an IPC message comes from our own page: the main frame of our window, loaded from our
 * app origin. Anything else (a frame that navigated away, an injected iframe) is refused.
 */
export function isTrustedSender(frameUrl: string | undefined, isOurWindow: boolean, isMainFrame: boolean): boolean {
  return isOurWindow && isMainFrame && isAppUrl(frameUrl);
}
