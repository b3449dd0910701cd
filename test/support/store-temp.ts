/**
 * Helpers for project-store tests: a throw-away project folder, a clock the test moves by hand,
 * predictable ids, and a sample highlight.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { openProjectStore, type ProjectStore, type ProjectStoreOptions } from '../../electron/services/store/index.ts';
import type { AnnotationInput } from '../../electron/services/store/store-inputs.ts';

/** A temporary project folder holding `project.sqlite`; `remove` deletes it all. */
export interface TempProject {
  dir: string;
  file: string;
  remove(): void;
}

/** A new, empty temporary project folder. */
export function makeTempProject(): TempProject {
  const dir = mkdtempSync(join(tmpdir(), 'apparatus-store-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  return { dir, file: join(dir, 'project.sqlite'), remove };
}

/** A clock that only moves when the test says so. */
export interface FakeClock {
  now(): Date;
  advance(ms: number): void;
}

/** A `FakeClock` starting at `start`. */
export function fakeClock(start = '2025-03-01T09:00:00.000Z'): FakeClock {
  let time = Date.parse(start);
  return { now: () => new Date(time), advance: (ms) => void (time += ms) };
}

/** The `n`-th id that `sequentialIds` makes: UUID-shaped, as the Annotation model requires. */
export function nthId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** Predictable ids `nthId(1)`, `nthId(2)`, … in order. */
export function sequentialIds(): () => string {
  let next = 0;
  return () => nthId((next += 1));
}

/** One day in milliseconds. */
export const DAY = 24 * 60 * 60 * 1000;

/** A valid new highlight on source `hoxha-1961`, with `overrides` applied. */
export function highlight(overrides: Partial<AnnotationInput> = {}): AnnotationInput {
  return {
    sourceId: 'hoxha-1961',
    quote: { exact: 'the Soviet camp', prefix: 'the great power at the head of ', suffix: '.' },
    position: { start: 240, end: 255 },
    ...overrides,
  };
}

/** Matches a thrown `StoreError` with this `code` (and, if given, a message matching `message`). */
export function withCode(code: string, message?: string | RegExp): unknown {
  if (message === undefined) return expect.objectContaining({ code });
  const text =
    typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message);
  return expect.objectContaining({ code, message: text });
}

/**
 * A new project store in a new temporary project for every test of the enclosing `describe`,
 * closed and removed after it; call `store()` inside a test for that test's store.
 */
export function storePerTest(options: () => ProjectStoreOptions = () => ({ newId: sequentialIds() })): { store(): ProjectStore; project(): TempProject } {
  let project: TempProject | undefined;
  let store: ProjectStore | undefined;
  beforeEach(() => {
    project = makeTempProject();
    store = openProjectStore(project.file, options());
  });
  afterEach(() => {
    store?.close();
    project?.remove();
  });
  return {
    store: () => store as ProjectStore,
    project: () => project as TempProject,
  };
}
