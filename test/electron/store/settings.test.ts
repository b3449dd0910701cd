import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProjectStore } from '../../../electron/services/store/open-project-store.ts';
import type { ProjectStore } from '../../../electron/services/store/project-store.ts';
import { makeTempProject, withCode } from '../../support/store-temp.ts';
import type { TempProject } from '../../support/store-temp.ts';

describe('ProjectStore settings', () => {
  let project: TempProject;
  let store: ProjectStore;
  beforeEach(() => {
    project = makeTempProject();
    store = openProjectStore(project.file);
  });
  afterEach(() => {
    store.close();
    project.remove();
  });

  it('returns undefined for a setting never saved', () => {
    expect(store.getSetting('reader.fontSize')).toBeUndefined();
  });

  it('saves JSON values and replaces them, across reopening', () => {
    const style = { ibid: true, notes: 'footnotes', sizes: [10, 12.5], extra: null };
    store.setSetting('export.style', style);
    store.setSetting('reader.fontSize', 16);
    store.setSetting('reader.fontSize', 18);
    store.close();
    store = openProjectStore(project.file);
    expect(store.getSetting('export.style')).toEqual(style);
    expect(store.getSetting('reader.fontSize')).toBe(18);
  });

  it.each([
    ['a function', () => 1],
    ['undefined', undefined],
    ['NaN', Number.NaN],
    ['a date', new Date(0)],
    ['a nested undefined', { a: [1, undefined] }],
  ])('refuses %s as a value and keeps the old one', (_label, value) => {
    store.setSetting('key', 'old');
    expect(() => store.setSetting('key', value as never)).toThrow(
      withCode('invalid-input', /^The setting was not saved: /),
    );
    expect(store.getSetting('key')).toBe('old');
  });

  it('refuses an empty setting name', () => {
    expect(() => store.setSetting('', 1)).toThrow(withCode('invalid-input'));
  });
});
