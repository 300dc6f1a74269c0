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
});
