import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, SERVER_ERROR_CODES } from './codes.ts';
import { ROUTES } from './routes.ts';

describe('contract tables', () => {
  it('gives every server error code an HTTP error status', () => {
    for (const code of SERVER_ERROR_CODES) {
      expect(ERROR_STATUS[code], code).toBeGreaterThanOrEqual(400);
    }
  });

  it('versions every API path', () => {
    for (const [name, route] of Object.entries(ROUTES)) {
      if (name === 'jwks') expect(route.path).toBe('/.well-known/jwks.json');
      else expect(route.path, name).toMatch(/^\/v1\//);
    }
  });
});
