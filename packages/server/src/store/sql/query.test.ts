import { describe, expect, it } from 'vitest';
import { raw, render, sql } from './query.ts';

describe('sql tag', () => {
  it('binds every interpolation as a parameter, never as text', () => {
    const evil = "x'); DROP TABLE accounts; --";
    const q = sql`SELECT * FROM accounts WHERE email_key = ${evil} AND id = ${7}`;
    expect(q.values).toEqual([evil, 7]);
    expect(render(q, 'sqlite')).toBe('SELECT * FROM accounts WHERE email_key = ? AND id = ?');
    expect(render(q, 'postgres')).toBe('SELECT * FROM accounts WHERE email_key = $1 AND id = $2');
  });

  it('expands lists and renders an empty list as NULL', () => {
    const q = sql`a IN (${['x', 'y', 'z']}) AND b = ${1} AND c IN (${[]})`;
    expect(render(q, 'postgres')).toBe('a IN ($1, $2, $3) AND b = $4 AND c IN (NULL)');
    expect(render(q, 'sqlite')).toBe('a IN (?, ?, ?) AND b = ? AND c IN (NULL)');
    expect(q.values).toEqual(['x', 'y', 'z', 1]);
  });

  it('accepts null and rejects values a driver would coerce silently', () => {
    expect(sql`${null}`.values).toEqual([null]);
    expect(() => sql`${Number.NaN}`).toThrow(TypeError);
    expect(() => sql`${undefined as unknown as null}`).toThrow(TypeError);
    expect(() => sql`${true as unknown as number}`).toThrow(TypeError);
  });

  it('raw text has no parameters', () => {
    expect(render(raw('SELECT 1'), 'postgres')).toBe('SELECT 1');
  });
});
