// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parsePasswordPolicy } from '../contract/guards.ts';
import { createTransport } from './transport.ts';

const POLICY = { id: 'connect', version: 1, rules: [] };

describe('in a browser', () => {
  it('sends credentials: include so the HttpOnly refresh cookie travels cross-origin', async () => {
    const seen: Request[] = [];
    const transport = createTransport({
      baseUrl: 'https://connect.test',
      fetch: async (input) => {
        seen.push(input as Request);
        return new Response(JSON.stringify(POLICY), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    await transport.request({ route: 'passwordPolicy', parse: parsePasswordPolicy });
    expect(seen[0]?.credentials).toBe('include');
  });

  it('lets the app choose another credentials mode', async () => {
    const seen: Request[] = [];
    const transport = createTransport({
      baseUrl: 'https://connect.test',
      credentials: 'same-origin',
      fetch: async (input) => {
        seen.push(input as Request);
        return new Response(JSON.stringify(POLICY), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    await transport.request({ route: 'passwordPolicy', parse: parsePasswordPolicy });
    expect(seen[0]?.credentials).toBe('same-origin');
  });
});
