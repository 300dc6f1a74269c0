import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseCsv, printable } from './csv.ts';

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

describe('decodeUtf8 and printable (#8 item 10)', () => {
  it('finds the line and byte of the first invalid sequence, wherever it is', () => {
    const at = (hex: string) => decodeUtf8(Buffer.from(hex, 'hex'));
    expect(decodeUtf8(Buffer.from('a,b\nc,é\n'))).toEqual({ ok: true, text: 'a,b\nc,é\n' });
    expect(decodeUtf8(Buffer.from('ann@example.com,Ren\xe9\n', 'latin1'))).toEqual({
      ok: false,
      line: 1,
      column: 20,
    });
    expect(at('610a62800a')).toEqual({ ok: false, line: 2, column: 2 }); // stray continuation
    expect(at('0a0ac080')).toEqual({ ok: false, line: 3, column: 1 }); // overlong
    expect(at('0aeda080')).toEqual({ ok: false, line: 2, column: 1 }); // encoded surrogate
    expect(at('41e282')).toEqual({ ok: false, line: 1, column: 2 }); // truncated at the end
  });

  it('escapes controls and bidi overrides, keeps tabs, line feeds and everything else', () => {
    expect(printable('a\u001b[2Jb\u009bc\u202ed\te\nf é 🔑')).toBe(
      'a\\u001b[2Jb\\u009bc\\u202ed\te\nf é 🔑',
    );
  });
});
