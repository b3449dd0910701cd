import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, readAppFile } from '../../electron/app-files.ts';

describe('readAppFile', () => {
  let folder: string;
  let root: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-files-'));
    root = join(folder, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
    writeFileSync(join(folder, 'secret.txt'), 'private notes');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('serves the renderer with its type and the strict Content-Security-Policy', async () => {
    const file = await readAppFile(root, '/assets/app.js');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/javascript/);
    expect(file.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await readAppFile(root, '/')).status).toBe(200);
  });

  it('forbids inline and remote script in its policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..\\secret.txt', '/index.html%00.js', '/%E0%A4%A', '/missing.js'])(
    'refuses %s',
    async (path) => {
      expect((await readAppFile(root, path)).status).toBe(404);
    },
  );
});
