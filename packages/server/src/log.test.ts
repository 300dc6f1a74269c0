import { readdir, readFile } from 'node:fs/promises';
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

describe('docs/server.md', () => {
  it('names every event the server logs', async () => {
    const root = new URL('./', import.meta.url);
    const files = (await readdir(root, { recursive: true })).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('suite'),
    );
    const events = new Set<string>();
    for (const file of files) {
      const text = await readFile(new URL(file, root), 'utf8');
      for (const match of text.matchAll(
        /logger\.(?:info|warn|error)\(\s*(?:[^,()]*\?\s*)?'([a-z_]+)'(?:\s*:\s*'([a-z_]+)')?/g,
      )) {
        for (const name of match.slice(1)) if (name) events.add(name);
      }
    }
    expect(events.size).toBeGreaterThan(20);
    const docs = await readFile(new URL('../../../docs/server.md', import.meta.url), 'utf8');
    expect([...events].filter((event) => !docs.includes(`\`${event}\``))).toEqual([]);
  });
});
