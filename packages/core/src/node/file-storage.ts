import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SessionStorageAdapter, StoredSession } from '../types.ts';

/**
 * A session storage adapter for Node scripts and CLIs: persists the refresh token as JSON in the
 * file at `path`, readable by the owner only (mode 0600), written atomically (temporary file and
 * rename) so a crash never leaves half a token. A missing directory is created (mode 0700);
 * a missing or corrupt file loads as `null`; signing out deletes the file.
 *
 * @example
 * ```ts
 * import { fileStorage } from '@connect-auth/core/node';
 *
 * const client = createConnectClient({
 *   baseUrl: 'https://connect.example.com',
 *   storage: fileStorage(`${os.homedir()}/.config/connect/session.json`),
 * });
 * await client.refreshSession(); // resumes the session of the previous run
 * ```
 */
export function fileStorage(path: string): SessionStorageAdapter {
  if (typeof path !== 'string' || path === '') {
    throw new TypeError('fileStorage: path must be a non-empty string.');
  }
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        const value = JSON.parse(text) as unknown;
        if (typeof value !== 'object' || value === null) return null;
        const token = (value as StoredSession).refreshToken;
        return typeof token === 'string' ? { refreshToken: token } : {};
      } catch {
        return null;
      }
    },
    async save(value) {
      if (value === null) {
        await rm(path, { force: true });
        return;
      }
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      // `~/.config/connect/` on a fresh machine: without this, the first sign-in would succeed
      // on the server and then reject with ENOENT here.
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      try {
        await writeFile(temporary, JSON.stringify(value), { mode: 0o600, flag: 'wx' });
        await chmod(temporary, 0o600);
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}
