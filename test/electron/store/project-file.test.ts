import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProjectFile } from '../../../electron/services/store/project-file.ts';

describe('resolveProjectFile', () => {
  const appDataDir = '/home/historian/.config';
  const DEFAULT = '/home/historian/.config/Apparatus/project.sqlite';

  it('uses the --project folder first', () => {
    const env = { APPARATUS_PROJECT: '/tmp/other' };
    const file = resolveProjectFile({ projectDir: '/data/thesis', env, appDataDir });
    expect(file).toBe('/data/thesis/project.sqlite');
  });

  it('falls back to APPARATUS_PROJECT', () => {
    const env = { APPARATUS_PROJECT: '/tmp/test-project' };
    expect(resolveProjectFile({ env, appDataDir })).toBe('/tmp/test-project/project.sqlite');
  });

  it('otherwise keeps the project in the user’s application data folder', () => {
    expect(resolveProjectFile({ env: {}, appDataDir })).toBe(DEFAULT);
  });

  it('ignores empty values and resolves relative folders against the current directory', () => {
    const blank = { projectDir: '', env: { APPARATUS_PROJECT: ' ' }, appDataDir };
    expect(resolveProjectFile(blank)).toBe(DEFAULT);
    const relative = resolveProjectFile({ projectDir: 'thesis', env: {}, appDataDir });
    expect(relative).toBe(resolve('thesis', 'project.sqlite'));
    expect(relative).toBe(join(process.cwd(), 'thesis', 'project.sqlite'));
  });
});
