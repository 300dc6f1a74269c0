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
 *
 * @example
 * ```ts
 * parseCsv('"open').errors[0]?.line; // 1
 * ```
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
 *
 * @example
 * ```ts
 * parseCsv('email,name\r\n"a@x.io","Ann ""A"" Lee"\n').records;
 * // [{ line: 1, fields: ['email', 'name'] }, { line: 2, fields: ['a@x.io', 'Ann "A" Lee'] }]
 * ```
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
