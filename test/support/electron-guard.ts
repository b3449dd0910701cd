// Safety net for tests, which must mock `electron` (importing it for real downloads its binary):
// with ELECTRON_OVERRIDE_DIST_PATH set, an accidental unmocked `require('electron')` returns a
// path string at once instead of trying to download Electron.
process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent/electron-is-mocked-in-tests';
