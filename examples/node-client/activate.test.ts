import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnectClient, isConnectError } from '@connect-auth/core';
import { type ConnectServer, createServer, importLegacyAccounts } from '@connect-auth/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate } from './activate.ts';

// Keeps the example running: the example's own function, against the real reference server over
// loopback HTTP, with the code read from the dev inbox as a person would read it from the email.
describe('examples/node-client: activation with the emailed code', () => {
  let server: ConnectServer;
  let url: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'connect-example-'));
    server = await createServer({ dev: true, port: 0, dataDir, mailPollMs: 50 });
    url = await server.listen();
    await importLegacyAccounts(
      server.store,
      'email,name\nowner@example.com,Owner\nsecond@example.com,Second\n',
      new Date(),
    );
  });

  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function codeFromInbox(to: string): Promise<string> {
    await server.settled();
    const mails = (await (
      await fetch(`${url}/dev/mail?to=${encodeURIComponent(to)}`)
    ).json()) as Array<{
      code?: string;
      subject: string;
    }>;
    const mail = mails[0];
    expect(mail?.subject).toBe('Password Reset Request for Codelocks Connect');
    return mail?.code ?? '';
  }

  it('refuses a weak password locally, then activates, signs in and verifies the token', async () => {
    const client = createConnectClient({ baseUrl: url, retry: false });
    const passwords = ['password', 'Kettle-Harbour-42!'];
    const result = await activate(client, url, 'owner@example.com', {
      code: codeFromInbox,
      password: async () => passwords.shift() ?? 'unreachable',
    });
    expect(passwords).toEqual([]); // the weak one was refused, the strong one used
    expect(result.activated).toBe(true);
    expect(result.session.account.email).toBe('owner@example.com');
    expect(result.subject).toBe(result.session.account.id);
    await client.signOut();
  });

  it('surfaces a wrong code as a typed error', async () => {
    const client = createConnectClient({ baseUrl: url, retry: false });
    const error = await activate(client, url, 'second@example.com', {
      code: async (to) => {
        const real = await codeFromInbox(to);
        return real === '00000000' ? '11111111' : '00000000';
      },
      password: async () => 'Another-Strong-Pass-7',
    }).catch((caught: unknown) => caught);
    if (!isConnectError(error)) throw error;
    expect(error.code).toBe('code_invalid');
  });
});
