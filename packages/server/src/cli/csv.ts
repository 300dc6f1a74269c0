/**
 * A small RFC 4180 CSV reader: comma-separated, fields optionally in double quotes (`""` is a
 * quote inside), CRLF or LF line ends, quoted fields may span lines. Each record carries the
 * line number it starts on, for error messages.
 */

/** One parsed record. */
export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  fields: string[];
}

/**
 * A syntax error (unterminated quote, text after a closing quote).
 */
export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

/**
 * Parse CSV text into records. Blank lines are skipped. A leading UTF-8 BOM is ignored.
 * Malformed records are returned as errors (with their line) instead of aborting the file.
 */
export function parseCsv(input: string): { records: CsvRecord[]; errors: CsvSyntaxError[] } {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let afterQuote = false;
    let broken: string | null = null;
    let ended = false;
    while (i < text.length && !ended) {
      const ch = text[i] as string;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
          afterQuote = true;
          i++;
          continue;
        }
        if (ch === '\n') line++;
        field += ch;
        i++;
        continue;
      }
      if (ch === ',') {
        fields.push(field);
        field = '';
        afterQuote = false;
        i++;
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        ended = true;
      } else if (ch === '"' && field === '' && !afterQuote) {
        quoted = true;
        i++;
      } else {
        if (afterQuote || ch === '"')
          broken ??= afterQuote ? 'text after a closing quote' : 'quote inside an unquoted field';
        field += ch;
        i++;
      }
    }
    if (quoted) {
      errors.push(new CsvSyntaxError(start, 'unterminated quoted field'));
      break;
    }
    fields.push(field);
    if (broken) errors.push(new CsvSyntaxError(start, broken));
    else if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return { records, errors };
}

/**
 * The text of a file that must be UTF-8, or the 1-based line and column (in bytes) of its first
 * byte that is not: a Latin-1 export would otherwise import U+FFFD into emails and names. A
 * leading BOM is kept for {@link parseCsv} to drop. Line feeds never occur inside a UTF-8
 * sequence, so decoding line by line finds the line.
 */
export function decodeUtf8(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; line: number; column: number } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Find where below.
  }
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    // Where the sequence still waiting for continuation bytes began (-1: none): a truncated
    // sequence is reported where it starts, not at the byte that ended it.
    let pending = -1;
    for (let i = start; i < end; i++) {
      const continuation = ((bytes[i] as number) & 0xc0) === 0x80;
      let out: string;
      try {
        out = decoder.decode(bytes.subarray(i, i + 1), { stream: true });
      } catch {
        const at = pending >= 0 ? pending : i;
        return { ok: false, line, column: at - start + 1 };
      }
      if (out !== '') pending = -1;
      else if (!continuation) pending = i;
    }
    try {
      decoder.decode();
    } catch {
      return { ok: false, line, column: (pending >= 0 ? pending : end) - start + 1 };
    }
    start = end + 1;
  }
  return { ok: false, line: 1, column: 1 };
}

// C0 and C1 controls (ESC, CSI…), DEL, and the bidirectional overrides that reorder what a
// terminal shows.
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * `text` safe to print on a terminal: control characters and bidi overrides from an imported
 * file are shown as `\u001b`-style escapes, never sent raw (an escape sequence could rewrite the
 * screen or hide lines of the report).
 */
export function printable(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (ch) => `\\u${(ch.codePointAt(0) as number).toString(16).padStart(4, '0')}`,
  );
}
