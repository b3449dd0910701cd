import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../electron/menu.ts';

const actions = () => ({
  about: vi.fn(),
  undo: vi.fn(),
  redo: vi.fn(),
  importSource: vi.fn(),
  exportAnnotations: vi.fn(),
  importReferences: vi.fn(),
  importAnnotations: vi.fn(),
  zoteroImport: vi.fn(),
  zoteroSend: vi.fn(),
  projectCheck: vi.fn(),
  projectBackups: vi.fn(),
  shareCorpus: vi.fn(),
  joinGroup: vi.fn(),
});

describe('menuTemplate', () => {
  it('has File, Edit, View, Window and Help with standard roles', () => {
    const template = menuTemplate('linux', actions(), 'Apparatus');
    expect(template.map((menu) => menu.label ?? menu.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    const edit = template[1]?.submenu as { role?: string; label?: string }[];
    expect(edit.map((item) => item.role ?? item.label).filter(Boolean)).toEqual(['Undo', 'Redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('adds the application menu on macOS', () => {
    const template = menuTemplate('darwin', actions(), 'Apparatus');
    expect(template[0]?.role).toBe('appMenu');
  });

  it('opens About from Help', () => {
    const menuActions = actions();
    const help = menuTemplate('linux', menuActions, 'Apparatus').at(-1)?.submenu as { click?: () => void }[];
    help[0]?.click?.();
    expect(menuActions.about).toHaveBeenCalledOnce();
  });

  it('offers File ▸ Import Source… and hands it to the page', () => {
    const menuActions = actions();
    const file = menuTemplate('linux', menuActions, 'Apparatus')[0]?.submenu as { label?: string; role?: string; click?: () => void }[];
    expect(file.map((item) => item.label ?? item.role)).toEqual(['Import Source…', 'Import References…', 'Import Annotations…', 'Zotero', 'Project', undefined, 'Share Corpus…', 'Join…', undefined, 'Export Annotations…', undefined, 'quit']);
    file[0]?.click?.();
    expect(menuActions.importSource).toHaveBeenCalledOnce();
  });

  it('turns every import off for a group’s reader, saying why where the platform shows it, and leaves the rest on', () => {
    type Item = { label?: string; enabled?: boolean; toolTip?: string; submenu?: Item[] };
    const reason = 'You are a reader in group “seminar”: only editors and owners can add sources to it.';
    const file = menuTemplate('linux', actions(), 'Apparatus', { undo: null, redo: null }, reason)[0]?.submenu as Item[];
    const all = file.flatMap((item) => [item, ...(item.submenu ?? [])]);
    const off = all.filter((item) => item.enabled === false).map((item) => item.label);
    expect(off).toEqual(['Import Source…', 'Import References…', 'Import Annotations…', 'Import from Zotero…']);
    expect(all.filter((item) => item.enabled === false).every((item) => item.toolTip === reason)).toBe(true);
    const open = menuTemplate('linux', actions(), 'Apparatus')[0]?.submenu as Item[];
    expect(open.flatMap((item) => [item, ...(item.submenu ?? [])]).filter((item) => item.enabled === false)).toEqual([]);
  });

  it('offers reference and annotation files and Zotero in the File menu, each handed to the page', () => {
    const menuActions = actions();
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const file = menuTemplate('linux', menuActions, 'Apparatus')[0]?.submenu as Item[];
    const item = (label: string, items: Item[] = file) => items.find((entry) => entry.label === label) as Item;
    item('Import References…').click?.();
    expect(menuActions.importReferences).toHaveBeenCalledOnce();
    item('Import Annotations…').click?.();
    expect(menuActions.importAnnotations).toHaveBeenCalledOnce();
    const zotero = item('Zotero').submenu as Item[];
    expect(zotero.map((entry) => entry.label)).toEqual(['Import from Zotero…', 'Send to Zotero…']);
    item('Import from Zotero…', zotero).click?.();
    expect(menuActions.zoteroImport).toHaveBeenCalledOnce();
    item('Send to Zotero…', zotero).click?.();
    expect(menuActions.zoteroSend).toHaveBeenCalledOnce();
    expect(menuActions.importSource).not.toHaveBeenCalled();
  });

  it('offers File ▸ Project ▸ Check Project… and Backups…, each handed to the page', () => {
    const menuActions = actions();
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const file = menuTemplate('linux', menuActions, 'Apparatus')[0]?.submenu as Item[];
    const project = file.find((entry) => entry.label === 'Project')?.submenu as Item[];
    expect(project.map((entry) => entry.label)).toEqual(['Check Project…', 'Backups…']);
    project[0]?.click?.();
    expect(menuActions.projectCheck).toHaveBeenCalledOnce();
    expect(menuActions.projectBackups).not.toHaveBeenCalled();
    project[1]?.click?.();
    expect(menuActions.projectBackups).toHaveBeenCalledOnce();
  });

  it('offers File ▸ Share Corpus… and Join…, each handed to the page', () => {
    const menuActions = actions();
    const file = menuTemplate('linux', menuActions, 'Apparatus')[0]?.submenu as { label?: string; click?: () => void }[];
    file.find((entry) => entry.label === 'Share Corpus…')?.click?.();
    expect(menuActions.shareCorpus).toHaveBeenCalledOnce();
    file.find((entry) => entry.label === 'Join…')?.click?.();
    expect(menuActions.joinGroup).toHaveBeenCalledOnce();
    expect(menuActions.importSource).not.toHaveBeenCalled();
  });

  it('sends Undo and Redo to the page, with the usual shortcuts', () => {
    const menuActions = actions();
    const edit = menuTemplate('linux', menuActions, 'Apparatus')[1]?.submenu as { label?: string; accelerator?: string; click?: () => void }[];
    expect(edit[0]).toMatchObject({ label: 'Undo', accelerator: 'CmdOrCtrl+Z' });
    expect(edit[1]).toMatchObject({ label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z' });
    edit[0]?.click?.();
    edit[1]?.click?.();
    expect(menuActions.undo).toHaveBeenCalledOnce();
    expect(menuActions.redo).toHaveBeenCalledOnce();
  });

  it('names what Undo and Redo would do, as the page reports it, and disables them when there is nothing', () => {
    const menuActions = actions();
    const edit = (labels: { undo: string | null; redo: string | null }, platform: NodeJS.Platform = 'linux') =>
      menuTemplate(platform, menuActions, 'Apparatus', labels)[platform === 'darwin' ? 2 : 1]?.submenu as { label?: string; enabled?: boolean; click?: () => void }[];
    expect(edit({ undo: 'Rename Tag', redo: 'Highlight' }).slice(0, 2)).toMatchObject([
      { label: 'Undo Rename Tag', enabled: true },
      { label: 'Redo Highlight', enabled: true },
    ]);
    expect(edit({ undo: null, redo: 'Delete Tag' }).slice(0, 2)).toMatchObject([
      { label: 'Undo', enabled: false },
      { label: 'Redo Delete Tag', enabled: true },
    ]);
    expect(edit({ undo: null, redo: null }).slice(0, 2)).toMatchObject([{ enabled: false }, { enabled: false }]);
    // A lone "&" would become a keyboard mnemonic on Windows and Linux; macOS shows it as is.
    expect(edit({ undo: 'Merge Tags Land & Sea', redo: null })[0]?.label).toBe('Undo Merge Tags Land && Sea');
    expect(edit({ undo: 'Merge Tags Land & Sea', redo: null }, 'darwin')[0]?.label).toBe('Undo Merge Tags Land & Sea');
    edit({ undo: 'Rename Tag', redo: null })[0]?.click?.();
    expect(menuActions.undo).toHaveBeenCalledOnce();
  });
});
