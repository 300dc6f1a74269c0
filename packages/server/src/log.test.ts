import { describe, expect, it } from 'vitest';
import { memoryLogger } from './log.ts';

describe('logger', () => {
  it('writes one JSON line per event and redacts secret-named fields', () => {
    const log = memoryLogger();
    log.info('consume', {
      accountId: 'acc_1',
      ip: '203.0.113.9',
      password: 'hunter2',
      token: 'abc',
      code: '12345678',
      tokenId: 't1',
    });
    expect(log.lines[0]).toMatchObject({
      level: 'info',
      event: 'consume',
      accountId: 'acc_1',
      ip: '203.0.113.9',
      tokenId: 't1',
    });
    expect(log.text()).not.toContain('hunter2');
    expect(log.text()).not.toContain('12345678');
    expect(log.lines[0]?.password).toBe('[redacted]');
  });
});
