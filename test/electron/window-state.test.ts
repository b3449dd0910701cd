import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WindowStateStore } from '../../electron/services/window-state.ts';

const DISPLAY = { x: 0, y: 0, width: 1920, height: 1080 };

describe('WindowStateStore', () => {
  let folder: string;
  let file: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-window-'));
    file = join(folder, 'nested', 'window-state.json');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('opens at a sensible default size the first time', () => {
    expect(new WindowStateStore(file).load([DISPLAY])).toEqual({ width: 1280, height: 860, maximized: false });
  });

  it('remembers size, position and maximised state across launches', () => {
    new WindowStateStore(file).save({ x: 40, y: 30, width: 1000, height: 700, maximized: true });
    expect(new WindowStateStore(file).load([DISPLAY])).toEqual({ x: 40, y: 30, width: 1000, height: 700, maximized: true });
  });

  it('drops a position that is no longer on any display, keeping the size', () => {
    new WindowStateStore(file).save({ x: 3000, y: 30, width: 1000, height: 700, maximized: false });
    expect(new WindowStateStore(file).load([DISPLAY])).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('ignores a damaged or absurd state file', () => {
    new WindowStateStore(file).save({ width: 1000, height: 700, maximized: false });
    writeFileSync(file, '{"width": 10, "height": "tall"');
    expect(new WindowStateStore(file).load([DISPLAY]).width).toBe(1280);
    writeFileSync(file, JSON.stringify({ width: 20, height: 20 }));
    expect(new WindowStateStore(file).load([DISPLAY]).width).toBe(1280);
  });

  it('writes the file whole, leaving no temporary file behind', () => {
    new WindowStateStore(file).save({ width: 900, height: 600, maximized: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ width: 900 });
    expect(() => readFileSync(`${file}.tmp`)).toThrow();
  });
});
