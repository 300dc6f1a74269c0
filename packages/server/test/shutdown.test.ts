/**
 * Graceful shutdown: in-flight requests finish, new connections are refused, background work and
 * the outbox are left consistent (the mail of an answered request is in the outbox).
 */
import { describe, expect, it } from 'vitest';
import { createPasswordHasher, type PasswordHasher } from '../src/auth/password.ts';
import { memoryLogger } from '../src/log.ts';
import { memoryTransport } from '../src/mail/transports.ts';
import { createServer } from '../src/server.ts';
import { factories, SECRET, STRONG, seedAccount, startServer } from './helpers.ts';

const factory = factories[0];

describe('graceful shutdown', () => {
  it('finishes in-flight requests and background work, then refuses connections and closes the store', async () => {
    if (!factory) throw new Error('no store factory');
    const real = createPasswordHasher();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const hasher: PasswordHasher = {
      ...real,
      verify: async (phc, pw) => {
        await gate;
        return real.verify(phc, pw);
      },
    };
    const t = await startServer(factory, { hasher });
    await seedAccount(t, 'late@example.com', 'active');
    const inFlight = t.post('/v1/sessions', { email: 'late@example.com', password: STRONG });
    const reset = await t.post('/v1/password-resets', { email: 'late@example.com' });
    expect(reset.status).toBe(202);
    await new Promise((r) => setTimeout(r, 50));
    const closing = t.server.close();
    await new Promise((r) => setTimeout(r, 50));
    // New connections are refused while the in-flight sign-in is still running.
    await expect(fetch(`${t.url}/v1/password-policy`)).rejects.toThrow();
    release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect((await res.json()).account.email).toBe('late@example.com');
    await closing;
    // The answered reset request's mail was issued before the store closed.
    const events = t.logger.lines.map((l) => l.event);
    expect(events).toContain('token_issued');
    await expect(t.store.listMail(10)).rejects.toThrow();
  });

  it('closes the store even when closing the mail transport fails, and reports that failure', async () => {
    if (!factory) throw new Error('no store factory');
    const transport = memoryTransport();
    const t = await startServer(factory, {
      transport: {
        ...transport,
        close: async () => {
          throw new Error('relay hung up');
        },
      },
    });
    await expect(t.server.close()).rejects.toThrow('relay hung up');
    await expect(t.store.listMail(10)).rejects.toThrow(/closed/);
  });

  it('binds once for concurrent listen() calls, and close() also closes a bind still in progress', async () => {
    if (!factory) throw new Error('no store factory');
    const server = await createServer({
      dev: true,
      port: 0,
      secret: SECRET,
      logger: memoryLogger(),
      transport: memoryTransport(),
      store: await factory.open(),
    });
    const urls = await Promise.all([server.listen(), server.listen()]);
    expect(urls[1]).toBe(urls[0]);
    await server.close();
    await expect(fetch(`${urls[0]}/v1/password-policy`)).rejects.toThrow();
    await expect(server.listen()).rejects.toThrow('closed');

    const other = await createServer({
      dev: true,
      port: 0,
      secret: SECRET,
      logger: memoryLogger(),
      transport: memoryTransport(),
      store: await factory.open(),
    });
    const binding = other.listen();
    await other.close(); // before the bind has finished
    const url = await binding;
    await expect(fetch(`${url}/v1/password-policy`)).rejects.toThrow();
  });
});
