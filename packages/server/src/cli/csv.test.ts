import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields, doubled quotes, CRLF and LF, and line numbers', () => {
    const { records, errors } = parseCsv(
      '\uFEFFemail,name\r\n"a@x.io","A ""B"", C"\n\nb@x.io,"two\nlines"\nc@x.io,',
    );
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['email', 'name'] },
      { line: 2, fields: ['a@x.io', 'A "B", C'] },
      { line: 4, fields: ['b@x.io', 'two\nlines'] },
      { line: 6, fields: ['c@x.io', ''] },
    ]);
  });

  it('reports malformed records by line and keeps going', () => {
    const { records, errors } = parseCsv(
      'email,name\na@x.io,"A"x\nb@x.io,B"\nc@x.io,C\n"d@x.io,D\n',
    );
    expect(records.map((r) => r.line)).toEqual([1, 4]);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 5]);
    expect(errors[2]?.message).toContain('unterminated');
  });
});
