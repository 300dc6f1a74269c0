import { describe, expect, it } from 'vitest';
import { client, recording } from '../../test/flows.ts';
import { HttpResponse, TOKEN, useMsw } from '../../test/msw.ts';

useMsw();

describe('register and verifyEmail', () => {
  it('registers with the canonical email and an optional name', async () => {
    const bodies = recording('register', () =>
      HttpResponse.json({ status: 'accepted' }, { status: 202 }),
    );
    await client().register({ email: 'New@Example.com', password: 'pw', name: 'Ada' });
    await client().register({ email: 'new@example.com', password: 'pw' });
    expect(bodies).toEqual([
      { email: 'New@example.com', password: 'pw', name: 'Ada' },
      { email: 'new@example.com', password: 'pw' },
    ]);
  });

  it('rejects an unknown field? No: only known fields are sent', async () => {
    const bodies = recording('register', () => HttpResponse.json({ status: 'accepted' }));
    await client().register({ email: 'a@example.com', password: 'pw', admin: true } as never);
    expect(bodies).toEqual([{ email: 'a@example.com', password: 'pw' }]);
  });

  it('verifies an email', async () => {
    const bodies = recording('verifyEmail', () =>
      HttpResponse.json({ status: 'verified', email: 'a@example.com' }),
    );
    expect(await client().verifyEmail(TOKEN)).toEqual({
      status: 'verified',
      email: 'a@example.com',
    });
    expect(bodies).toEqual([{ token: TOKEN }]);
  });
});
