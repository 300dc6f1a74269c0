import { describe, expect, it } from 'vitest';
import { client, recording } from '../../test/flows.ts';
import { HttpResponse, on, problem, server, sessionBody, useMsw } from '../../test/msw.ts';
import { AbortedError, InvalidCredentialsError, SessionInvalidError } from '../errors/index.ts';
import { memoryStorage } from '../session/memory-storage.ts';

useMsw();

describe('signIn, refreshSession, signOut', () => {
  it('signs in with the canonical email and keeps the session in memory', async () => {
    const session = sessionBody();
    const bodies = recording('signIn', () => HttpResponse.json(session));
    const c = client();
    expect(await c.signIn({ email: 'Owner@EXAMPLE.com', password: 'pw' })).toEqual(session);
    expect(bodies).toEqual([{ email: 'Owner@example.com', password: 'pw' }]);
    expect(c.session).toEqual(session);
  });

  it('maps invalid_credentials and leaves the session untouched', async () => {
    recording('signIn', () => problem('invalid_credentials'));
    const c = client();
    await expect(c.signIn({ email: 'a@example.com', password: 'nope' })).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );
    expect(c.session).toBeNull();
  });

  it('shares one request between concurrent refreshSession calls', async () => {
    const session = sessionBody();
    const bodies = recording('refreshSession', () => HttpResponse.json(session));
    const c = client();
    const events: unknown[] = [];
    c.onSessionChange((s) => events.push(s));
    const results = await Promise.all([c.refreshSession(), c.refreshSession(), c.refreshSession()]);
    expect(results).toEqual([session, session, session]);
    expect(bodies).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('rejects misuse of refreshSession with a TypeError, never a synchronous throw, and sends nothing', async () => {
    const bodies = recording('refreshSession', () => HttpResponse.json(sessionBody()));
    const c = client();
    let settled: Promise<unknown> | undefined;
    expect(() => {
      settled = c.refreshSession({ signal: 'soon' } as never);
    }).not.toThrow();
    await expect(settled).rejects.toBeInstanceOf(TypeError);
    expect(() => {
      settled = c.refreshSession(null as never);
    }).not.toThrow();
    await expect(settled).rejects.toBeInstanceOf(TypeError);
    expect(bodies).toHaveLength(0);
  });

  it('lets one caller abort its wait without cancelling the shared refresh', async () => {
    const session = sessionBody();
    recording('refreshSession', () => HttpResponse.json(session));
    const c = client();
    const controller = new AbortController();
    const first = c.refreshSession({ signal: controller.signal });
    const second = c.refreshSession();
    controller.abort();
    await expect(first).rejects.toBeInstanceOf(AbortedError);
    expect(await second).toEqual(session);
  });

  it('clears the session when the refresh is rejected with session_invalid', async () => {
    recording('signIn', () => HttpResponse.json(sessionBody()));
    recording('refreshSession', () => problem('session_invalid'));
    const c = client();
    await c.signIn({ email: 'a@example.com', password: 'pw' });
    const events: unknown[] = [];
    c.onSessionChange((s) => events.push(s));
    await expect(c.refreshSession()).rejects.toBeInstanceOf(SessionInvalidError);
    expect(c.session).toBeNull();
    expect(events).toEqual([null]);
  });

  it('keeps the session when a refresh fails for a transient reason', async () => {
    recording('signIn', () => HttpResponse.json(sessionBody()));
    recording('refreshSession', () => HttpResponse.error());
    const c = client();
    await c.signIn({ email: 'a@example.com', password: 'pw' });
    await expect(c.refreshSession()).rejects.toMatchObject({ code: 'network_error' });
    expect(c.session).not.toBeNull();
  });

  it('signs out on the server with the access token, then locally', async () => {
    const session = sessionBody();
    recording('signIn', () => HttpResponse.json(session));
    let authorization: string | null = null;
    server.use(
      on('signOut', ({ request }) => {
        authorization = request.headers.get('authorization');
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const c = client();
    await c.signIn({ email: 'a@example.com', password: 'pw' });
    const events: unknown[] = [];
    c.onSessionChange((s) => events.push(s));
    await c.signOut();
    expect(authorization).toBe(`Bearer ${session.accessToken}`);
    expect(c.session).toBeNull();
    expect(events).toEqual([null]);
    await c.signOut(); // already signed out: no second event
    expect(events).toEqual([null]);
  });

  it('treats session_invalid on sign-out as success, and rethrows other failures after clearing', async () => {
    recording('signIn', () => HttpResponse.json(sessionBody()));
    recording('signOut', () => problem('session_invalid'));
    const c = client();
    await c.signIn({ email: 'a@example.com', password: 'pw' });
    await expect(c.signOut()).resolves.toBeUndefined();
    await c.signIn({ email: 'a@example.com', password: 'pw' });
    recording('signOut', () => problem('server_error'));
    await expect(c.signOut()).rejects.toMatchObject({ code: 'server_error' });
    expect(c.session).toBeNull();
  });

  it('does not let a refresh that finishes after sign-out resurrect the session', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    recording('signIn', () => HttpResponse.json(sessionBody()));
    server.use(
      on('refreshSession', async () => {
        await gate;
        return HttpResponse.json(sessionBody());
      }),
    );
    recording('signOut', () => new HttpResponse(null, { status: 204 }));
    const c = client();
    await c.signIn({ email: 'a@example.com', password: 'pw' });
    const refreshing = c.refreshSession();
    await c.signOut();
    release();
    await refreshing;
    expect(c.session).toBeNull();
  });
  it('applies a sign-in even when a background refresh finished while it was in flight', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const mine = { ...sessionBody(), account: { id: 'acc_2', email: 'b@example.com' } };
    recording('refreshSession', () => HttpResponse.json(sessionBody()));
    server.use(
      on('signIn', async () => {
        await gate;
        return HttpResponse.json(mine);
      }),
    );
    const c = client();
    const signingIn = c.signIn({ email: 'b@example.com', password: 'pw' });
    await c.refreshSession();
    release();
    await signingIn;
    expect(c.session?.account.id).toBe('acc_2');
  });

  it('lets an explicit sign-in win over a background refresh that finishes later', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const mine = { ...sessionBody(), account: { id: 'acc_2', email: 'b@example.com' } };
    server.use(
      on('refreshSession', async () => {
        await gate;
        return HttpResponse.json(sessionBody());
      }),
    );
    recording('signIn', () => HttpResponse.json(mine));
    const c = client();
    const refreshing = c.refreshSession();
    await c.signIn({ email: 'b@example.com', password: 'pw' });
    release();
    await refreshing;
    expect(c.session?.account.id).toBe('acc_2');
  });

  it('keeps a sign-in that completes while an earlier sign-out is in flight', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const storage = memoryStorage();
    const first = sessionBody();
    const mine = { ...sessionBody(), account: { id: 'acc_2', email: 'b@example.com' } };
    let signIns = 0;
    server.use(
      on('signIn', () =>
        HttpResponse.json(++signIns === 1 ? first : mine, {
          headers: { 'set-cookie': `__Host-connect_refresh=r${signIns}; Path=/; HttpOnly` },
        }),
      ),
      on('signOut', async () => {
        await gate;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const c = client({ storage });
    await c.signIn({ email: 'a@example.com', password: 'pw' });
    const events: unknown[] = [];
    c.onSessionChange((s) => events.push(s?.account.id ?? null));
    const signingOut = c.signOut();
    await c.signIn({ email: 'b@example.com', password: 'pw' });
    release();
    await signingOut;
    expect(c.session?.account.id).toBe('acc_2');
    expect(events).toEqual(['acc_2']);
    expect(storage.load()).toEqual({ refreshToken: 'r2' });
  });

  it('still ends a session that a refresh renewed while the sign-out was in flight', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    recording('signIn', () => HttpResponse.json(sessionBody()));
    recording('refreshSession', () => HttpResponse.json(sessionBody()));
    server.use(
      on('signOut', async () => {
        await gate;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const c = client();
    await c.signIn({ email: 'a@example.com', password: 'pw' });
    const signingOut = c.signOut();
    await c.refreshSession();
    release();
    await signingOut;
    expect(c.session).toBeNull();
  });
});
