/**
 * A project that another process creates while this one looks at the folder: the first look
 * finds no project file, the next finds the journal the new project has already written. That
 * is a project being created, not a missing one. (CI caught it: of 8 processes racing to create a
 * project, one refused with "project-missing", although nothing had been removed.)
 */
import * as fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkBeforeOpening } from '../../../electron/services/store/open-checks.ts';
import { openProjectStore } from '../../../electron/services/store/open-project-store.ts';
import { StoreRecoveryError } from '../../../electron/services/store/store-errors.ts';
import { highlight, makeTempProject, type TempProject } from '../../support/store-temp.ts';

type Fs = typeof fs;

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<Fs>();
  return { ...real, existsSync: vi.fn(real.existsSync) };
});

describe('opening a project another process is creating', () => {
  let project: TempProject;
  let real: typeof fs.existsSync;
  beforeEach(async () => {
    project = makeTempProject();
    real = (await vi.importActual<Fs>('node:fs')).existsSync;
  });
  afterEach(() => {
    vi.mocked(fs.existsSync).mockImplementation(real);
    project.remove();
  });

  // The project file is not there at the first look at it, as if created just after.
  const createdJustAfterTheFirstLook = (file: string): void => {
    let looked = false;
    vi.mocked(fs.existsSync).mockImplementation((path) => {
      if (path === file && !looked) {
        looked = true;
        return false;
      }
      return real(path);
    });
  };

  it('checks the new project as any other, instead of calling it missing', () => {
    // The creating process holds the project open, its journal written.
    const creator = openProjectStore(project.file);
    try {
      creator.create(highlight());
      expect(fs.statSync(`${project.file}-wal`).size).toBeGreaterThan(0);
      createdJustAfterTheFirstLook(project.file);
      expect(() => checkBeforeOpening(project.file)).not.toThrow();
    } finally {
      creator.close();
    }
  });

  it('still refuses a project file that is really gone, its journal left behind', () => {
    const creator = openProjectStore(project.file);
    creator.create(highlight());
    const journal = fs.readFileSync(`${project.file}-wal`);
    creator.close();
    fs.rmSync(project.file);
    fs.rmSync(`${project.file}.marker`, { force: true });
    fs.writeFileSync(`${project.file}-wal`, journal);
    let error: unknown;
    try {
      checkBeforeOpening(project.file);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(StoreRecoveryError);
    expect((error as StoreRecoveryError).code).toBe('project-missing');
    expect((error as StoreRecoveryError).message).toMatch(/although its journal file is still here/);
  });
});
