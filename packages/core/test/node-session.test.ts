import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectClient } from '../src/client.ts';
import { REFRESH_COOKIE } from '../src/contract/messages.ts';
import { ROUTES } from '../src/contract/routes.ts';
import { fileStorage } from '../src/node/file-storage.ts';
import { bodyOf, startServer, type TestServer } from './http-server.ts';
import { sessionBody } from './msw.ts';

/**
 * A real HTTP server that behaves like Connect for cookies: sign-in sets the refresh cookie,
 * refresh requires it and rotates it, sign-out deletes it.
 */
let server: TestServer;
let dir = '';
let issued = 0;
const valid = new Set<string>();
const cookiesSeen: (string | undefined)[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'connect-node-'));
  server = await startServer(async (request, response) => {
    await bodyOf(request);
    cookiesSeen.push(request.headers.cookie);
    const presented = /__Host-connect_refresh=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    const set = (value: string, extra = '') =>
      response.setHeader('set-cookie', [
        `theme=dark; Path=/`,
        `${REFRESH_COOKIE}=${value}; Path=/; HttpOnly; Secure; SameSite=Strict${extra}`,
      ]);
    if (request.url === ROUTES.signIn.path) {
      const token = `rt${++issued}`;
      valid.add(token);
      set(token);
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(sessionBody()));
    } else if (request.url === ROUTES.refreshSession.path) {
      if (!presented || !valid.delete(presented)) {
        response
          .writeHead(401, { 'content-type': 'application/problem+json' })
          .end('{"code":"session_invalid"}');
        return;
      }
      const token = `rt${++issued}`;
      valid.add(token);
      set(token);
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(sessionBody()));
    } else if (request.url === ROUTES.signOut.path) {
      if (presented) valid.delete(presented);
      set('', '; Max-Age=0');
      response.writeHead(204).end();
    } else {
      response.writeHead(404).end();
    }
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('Node: refresh cookie through Set-Cookie / Cookie and fileStorage', () => {
  it('signs in, refreshes with the rotated cookie, resumes in a new process, signs out', async () => {
    const path = join(dir, 'session.json');
    const options = {
      baseUrl: server.url,
      storage: fileStorage(path),
      refreshBeforeExpiryMs: false,
    } as const;
    const first = createConnectClient(options);
    await first.signIn({ email: 'owner@example.com', password: 'pw' });
    expect(await fileStorage(path).load()).toEqual({ refreshToken: 'rt1' });

    await first.refreshSession();
    expect(cookiesSeen.at(-1)).toBe(`${REFRESH_COOKIE}=rt1`);
    expect(await fileStorage(path).load()).toEqual({ refreshToken: 'rt2' });

    // A later run of the script: a new client resumes from the file.
    const second = createConnectClient(options);
    expect(second.session).toBeNull();
    await second.refreshSession();
    expect(cookiesSeen.at(-1)).toBe(`${REFRESH_COOKIE}=rt2`);
    expect(second.session).not.toBeNull();

    await second.signOut();
    expect(cookiesSeen.at(-1)).toBe(`${REFRESH_COOKIE}=rt3`);
    expect(await fileStorage(path).load()).toBeNull();
    await expect(createConnectClient(options).refreshSession()).rejects.toMatchObject({
      code: 'session_invalid',
    });
    expect(cookiesSeen.at(-1)).toBeUndefined();
  });

  it('a replayed (rotated) refresh token is refused and clears the session', async () => {
    const client = createConnectClient({ baseUrl: server.url, refreshBeforeExpiryMs: false });
    await client.signIn({ email: 'owner@example.com', password: 'pw' });
    const stale = createConnectClient({ baseUrl: server.url, refreshBeforeExpiryMs: false });
    await client.refreshSession();
    // the stale client never had a cookie: refused
    await expect(stale.refreshSession()).rejects.toMatchObject({ code: 'session_invalid' });
    expect(client.session).not.toBeNull();
  });
});
