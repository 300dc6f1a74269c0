import { describe, expect, it } from 'vitest';
import { client, POLICY, recording } from '../../test/flows.ts';
import { HttpResponse, problem, useMsw } from '../../test/msw.ts';

useMsw();

describe('getPasswordPolicy', () => {
  it('fetches once per client, sharing concurrent calls', async () => {
    const seen = recording('passwordPolicy', () => HttpResponse.json(POLICY));
    const c = client();
    const [a, b] = await Promise.all([c.getPasswordPolicy(), c.getPasswordPolicy()]);
    expect(a).toEqual(POLICY);
    expect(b).toBe(a);
    expect(await c.getPasswordPolicy()).toBe(a);
    expect(seen).toHaveLength(1);
    await client().getPasswordPolicy(); // another client: its own cache
    expect(seen).toHaveLength(2);
  });

  it('does not cache a failure', async () => {
    recording('passwordPolicy', () => problem('server_error'));
    const c = client();
    await expect(c.getPasswordPolicy()).rejects.toMatchObject({ code: 'server_error' });
    recording('passwordPolicy', () => HttpResponse.json(POLICY));
    expect(await c.getPasswordPolicy()).toEqual(POLICY);
  });

  it('serves the policy a verified token carried, without a request of its own', async () => {
    const seen = recording('passwordPolicy', () => HttpResponse.json(POLICY));
    const newer = { ...POLICY, version: 4 };
    const info = {
      email: 'owner@example.com',
      expiresAt: '2026-11-28T09:00:00Z',
      purpose: 'reset',
      policy: newer,
    };
    recording('verifyResetToken', () => HttpResponse.json(info));
    const c = client();
    expect((await c.verifyResetToken('tok_0123456789abcdefghijklmnop')).policy).toEqual(newer);
    expect(await c.getPasswordPolicy()).toEqual(newer);
    expect(seen).toHaveLength(0);
    // The newest word wins over a policy fetched before; other clients keep their own cache.
    const d = client();
    expect(await d.getPasswordPolicy()).toEqual(POLICY);
    await d.verifyResetToken('tok_0123456789abcdefghijklmnop');
    expect(await d.getPasswordPolicy()).toEqual(newer);
    expect(seen).toHaveLength(1);
  });

  it('still fetches the policy after a verify answer without one (an older server)', async () => {
    const seen = recording('passwordPolicy', () => HttpResponse.json(POLICY));
    recording('verifyResetToken', () =>
      HttpResponse.json({
        email: 'a@example.com',
        expiresAt: '2026-11-28T09:00:00Z',
        purpose: 'reset',
      }),
    );
    const c = client();
    expect(await c.verifyResetToken('tok_0123456789abcdefghijklmnop')).not.toHaveProperty('policy');
    expect(await c.getPasswordPolicy()).toEqual(POLICY);
    expect(seen).toHaveLength(1);
  });
});
