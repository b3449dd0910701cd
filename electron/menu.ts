import type { MenuItemConstructorOptions } from 'electron';
import type { HistoryLabels } from '../core/api.ts';

/** What the menu can ask of the app. */
export interface MenuActions {
  about(): void;
  /** Undo and redo go to the page, which knows whether a text field or the annotations are meant. */
  undo(): void;
  redo(): void;
  /** File ▸ Import Source…: the page asks for the metadata, so it starts there. */
  importSource(): void;
  /** File ▸ Export Annotations…: the page asks for format and scope first. */
  exportAnnotations(): void;
  /** File ▸ Import References…: the page shows what the file would change before anything does. */
  importReferences(): void;
  /** File ▸ Import Annotations…: the page asks which sources they go on, and shows what was placed. */
  importAnnotations(): void;
  /** File ▸ Zotero ▸ Import from Zotero…: the page browses the Zotero library. */
  zoteroImport(): void;
  /** File ▸ Zotero ▸ Send to Zotero…: the page asks which sources. */
  zoteroSend(): void;
  /** File ▸ Project ▸ Check Project…: the page shows what the integrity check found. */
  projectCheck(): void;
  /** File ▸ Project ▸ Backups…: the page lists the backups and restores the one chosen. */
  projectBackups(): void;
  /** File ▸ Share Corpus…: the page asks for the server, name, group and token. */
  shareCorpus(): void;
  /** File ▸ Join…: the same, worded as joining a group's corpus. */
  joinGroup(): void;
}

/**
 * The application menu: File, Edit, View, Window, Help with the platform's standard roles, so
 * copy, zoom, full screen and quit behave as users expect on each OS. Undo and Redo name what
 * they would do (`history`, as the page reports it: "Undo Rename Tag") and are disabled when there
 * is nothing to do; a text field's own undo then still answers the keys. `cannotAdd`, when given,
 * is why the user may add nothing to the corpus (a group's reader): the imports are off.
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  actions: MenuActions,
  appName: string,
  history: HistoryLabels = { undo: null, redo: null },
  cannotAdd: string | null = null,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  // A group's reader adds nothing to the shared corpus: the imports are off (macOS shows why).
  const adding = cannotAdd === null ? {} : { enabled: false, toolTip: cannotAdd };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu', label: appName });
  template.push(
    {
      label: 'File',
      submenu: [
        { label: 'Import Source…', accelerator: 'CmdOrCtrl+I', click: () => actions.importSource(), ...adding },
        { label: 'Import References…', click: () => actions.importReferences(), ...adding },
        { label: 'Import Annotations…', click: () => actions.importAnnotations(), ...adding },
        {
          label: 'Zotero',
          submenu: [
            { label: 'Import from Zotero…', click: () => actions.zoteroImport(), ...adding },
            { label: 'Send to Zotero…', click: () => actions.zoteroSend() },
          ],
        },
        {
          label: 'Project',
          submenu: [
            { label: 'Check Project…', click: () => actions.projectCheck() },
            { label: 'Backups…', click: () => actions.projectBackups() },
          ],
        },
        { type: 'separator' },
        { label: 'Share Corpus…', click: () => actions.shareCorpus() },
        { label: 'Join…', click: () => actions.joinGroup() },
        { type: 'separator' },
        { label: 'Export Annotations…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportAnnotations() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { label: named('Undo', history.undo, mac), enabled: history.undo !== null, accelerator: 'CmdOrCtrl+Z', click: () => actions.undo() },
        {
          label: named('Redo', history.redo, mac),
          enabled: history.redo !== null,
          accelerator: platform === 'darwin' ? 'Shift+Cmd+Z' : 'CmdOrCtrl+Shift+Z',
          click: () => actions.redo(),
        },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: `About ${appName}`, click: () => actions.about() }],
    },
  );
  return template;
}

// "Undo Rename Tag". On Windows and Linux a single "&" marks a keyboard mnemonic: doubled, it
// shows as itself. macOS has no mnemonics and shows the label as given.
function named(verb: string, action: string | null, mac: boolean): string {
  if (action === null) return verb;
  return `${verb} ${mac ? action : action.replaceAll('&', '&&')}`;
}
