/** A value bound to a statement parameter. Dates travel as epoch milliseconds. */
export type SqlValue = string | number | null;

/** A parameter of the {@link sql} tag: one value, or a list expanded to `?, ?, ?`. */
export type SqlParam = SqlValue | readonly SqlValue[];

/** A parameterised statement, rendered per dialect (`?` for SQLite, `$n` for PostgreSQL). */
export interface SqlQuery {
  readonly strings: readonly string[];
  readonly values: readonly SqlValue[];
  /**
   * A name for a hot statement of fixed text: PostgreSQL then parses and plans it once per pooled
   * connection (a prepared statement) instead of on every call. Ignored by SQLite, which caches
   * its prepared statements by text anyway.
   */
  readonly name?: string;
}

/** A result row as the driver returns it (numbers may arrive as strings from PostgreSQL). */
export type Row = Record<string, unknown>;

/** What a statement produced: its rows (`RETURNING`, `SELECT`) and the number of changed rows. */
export interface SqlResult {
  rows: Row[];
  changes: number;
}

/**
 * Build a statement from a template: every `${value}` becomes a bound parameter, never text, so
 * nothing interpolated can change the SQL. A list becomes a parenthesis-free `?, ?, ?` (use it as
 * `IN (${list})`); an empty list becomes `NULL`, which matches nothing.
 */
export function sql(strings: TemplateStringsArray, ...params: SqlParam[]): SqlQuery {
  const parts: string[] = [strings[0] ?? ''];
  const values: SqlValue[] = [];
  params.forEach((param, index) => {
    const next = strings[index + 1] ?? '';
    if (Array.isArray(param)) {
      if (param.length === 0) {
        parts[parts.length - 1] += `NULL${next}`;
        return;
      }
      param.forEach((value: SqlValue, position: number) => {
        values.push(checked(value));
        parts.push(position === param.length - 1 ? next : ', ');
      });
      return;
    }
    values.push(checked(param as SqlValue));
    parts.push(next);
  });
  return { strings: parts, values };
}

function checked(value: SqlValue): SqlValue {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new TypeError(`Unsupported SQL parameter: ${String(value)}`);
}

/**
 * The same statement, named (see {@link SqlQuery.name}). Only for statements whose text never
 * varies between calls (no lists of varying length).
 */
export function named(name: string, query: SqlQuery): SqlQuery {
  return { ...query, name };
}

/**
 * Render a statement's text for a dialect.
 */
export function render(query: SqlQuery, dialect: 'sqlite' | 'postgres'): string {
  let text = query.strings[0] ?? '';
  for (let index = 1; index < query.strings.length; index++) {
    text += (dialect === 'sqlite' ? '?' : `$${index}`) + query.strings[index];
  }
  return text;
}

/**
 * A statement with no parameters, from trusted text (migrations, fixed locks). Never pass input.
 */
export function raw(text: string): SqlQuery {
  return { strings: [text], values: [] };
}
