import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../electron/menu.ts';

describe('menuTemplate', () => {
  it('has File, Edit, View, Window and Help with standard roles', () => {
    const template = menuTemplate('linux', { about: vi.fn() }, 'Apparatus');
    expect(template.map((menu) => menu.label ?? menu.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    const edit = template[1]?.submenu as { role?: string }[];
    expect(edit.map((item) => item.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('adds the application menu on macOS', () => {
    const template = menuTemplate('darwin', { about: vi.fn() }, 'Apparatus');
    expect(template[0]?.role).toBe('appMenu');
  });

  it('opens About from Help', () => {
    const about = vi.fn();
    const help = menuTemplate('linux', { about }, 'Apparatus').at(-1)?.submenu as { click?: () => void }[];
    help[0]?.click?.();
    expect(about).toHaveBeenCalledOnce();
  });
});
