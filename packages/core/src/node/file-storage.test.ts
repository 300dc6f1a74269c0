import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileStorage } from './file-storage.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'connect-storage-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fileStorage', () => {
  it('loads null when nothing was saved', async () => {
    expect(await fileStorage(join(dir, 'session.json')).load()).toBeNull();
  });

  it('saves with mode 0600 and loads it back', async () => {
    const path = join(dir, 'session.json');
    const storage = fileStorage(path);
    await storage.save({ refreshToken: 'r1' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await storage.load()).toEqual({ refreshToken: 'r1' });
    await storage.save({ refreshToken: 'r2' });
    expect(await fileStorage(path).load()).toEqual({ refreshToken: 'r2' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('creates a missing directory (owner only) for the file', async () => {
    const path = join(dir, 'config', 'connect', 'session.json');
    await fileStorage(path).save({ refreshToken: 'r1' });
    expect(await fileStorage(path).load()).toEqual({ refreshToken: 'r1' });
    expect((await stat(join(dir, 'config', 'connect'))).mode & 0o777).toBe(0o700);
  });

  it('tightens the mode of a file that existed with looser permissions', async () => {
    const path = join(dir, 'session.json');
    await writeFile(path, '{}', { mode: 0o644 });
    await fileStorage(path).save({ refreshToken: 'r1' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('deletes the file on save(null)', async () => {
    const path = join(dir, 'session.json');
    const storage = fileStorage(path);
    await storage.save({ refreshToken: 'r1' });
    await storage.save(null);
    await expect(readFile(path)).rejects.toMatchObject({ code: 'ENOENT' });
    await storage.save(null); // idempotent
  });

  it('loads a corrupt file as null', async () => {
    const path = join(dir, 'session.json');
    await writeFile(path, '{"refreshTok');
    expect(await fileStorage(path).load()).toBeNull();
    await writeFile(path, '"just a string"');
    expect(await fileStorage(path).load()).toBeNull();
  });

  it('throws TypeError for a missing path', () => {
    expect(() => fileStorage('')).toThrow(TypeError);
  });
});
