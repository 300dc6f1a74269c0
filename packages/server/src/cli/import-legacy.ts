/**
 * Import migrated accounts from the old portal: a CSV with the header `email,name` (columns in
 * any order; `name` and `locale` optional) becomes `pending_activation` accounts (no password;
 * the owner activates through the reset flow). `locale`, a language tag such as `fr` or `en-GB`,
 * is the language of the account's mails (empty: the server's default, English).
 * Idempotent: addresses already in the store (compared by canonical email) are skipped, so a
 * second run imports nothing twice. Bad rows are reported by line number; good rows still import.
 */
import { canonicalizeEmail } from '@connect-auth/core/contract';
import { emailKeyOf } from '../services/email.ts';
import type { Store } from '../store/types.ts';
import { languageTag } from './command.ts';
import { parseCsv } from './csv.ts';

/** A rejected row. */
export interface ImportProblem {
  line: number;
  message: string;
}

/** What an import did. */
export interface ImportSummary {
  /** Data rows read (header excluded). */
  rows: number;
  /** Accounts created. */
  imported: number;
  /** Rows whose address already had an account (earlier run or existing user). */
  existing: number;
  /** Rows repeating an address earlier in the same file. */
  duplicates: number;
  /** Rejected rows. */
  problems: ImportProblem[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const MAX_NAME = 200;

/**
 * Import accounts from CSV text.
 *
 * @example
 * ```ts
 * const summary = await importLegacyAccounts(store, 'email,name\nann@example.com,Ann\n', new Date());
 * summary.imported; // 1 (0 on a second run)
 * ```
 */
export async function importLegacyAccounts(
  store: Store,
  csv: string,
  now: Date,
): Promise<ImportSummary> {
  const { records, errors } = parseCsv(csv);
  const problems: ImportProblem[] = errors.map((e) => ({
    line: e.line,
    message: e.message.replace(/^line \d+: /, ''),
  }));
  const header = records.shift();
  if (!header) {
    return {
      rows: 0,
      imported: 0,
      existing: 0,
      duplicates: 0,
      problems: [...problems, { line: 1, message: 'missing header "email,name"' }],
    };
  }
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const emailAt = columns.indexOf('email');
  const nameAt = columns.indexOf('name');
  const localeAt = columns.indexOf('locale');
  const unknown = columns.filter((c) => c !== 'email' && c !== 'name' && c !== 'locale');
  if (emailAt < 0 || unknown.length > 0 || new Set(columns).size !== columns.length) {
    return {
      rows: records.length,
      imported: 0,
      existing: 0,
      duplicates: 0,
      problems: [
        {
          line: header.line,
          message: `header must be "email,name" or "email,name,locale" (got "${header.fields.join(',').slice(0, 80)}")`,
        },
      ],
    };
  }
  const seen = new Set<string>();
  let duplicates = 0;
  const accounts: Array<{
    id: string;
    email: string;
    emailKey: string;
    name: string | null;
    locale: string | null;
  }> = [];
  for (const record of records) {
    if (record.fields.length !== columns.length) {
      problems.push({
        line: record.line,
        message: `expected ${columns.length} fields, got ${record.fields.length}`,
      });
      continue;
    }
    const rawEmail = record.fields[emailAt] ?? '';
    const email = canonicalizeEmail(rawEmail);
    if (!email) {
      problems.push({
        line: record.line,
        message: `invalid email ${JSON.stringify(rawEmail.slice(0, 80))}`,
      });
      continue;
    }
    const rawName = nameAt >= 0 ? (record.fields[nameAt] ?? '').trim().normalize('NFC') : '';
    if (CONTROL.test(rawName) || rawName.length > MAX_NAME) {
      problems.push({
        line: record.line,
        message: `invalid name (control characters or over ${MAX_NAME} characters)`,
      });
      continue;
    }
    const rawLocale = localeAt >= 0 ? (record.fields[localeAt] ?? '').trim() : '';
    const locale = rawLocale === '' ? null : languageTag(rawLocale);
    if (locale === undefined) {
      problems.push({
        line: record.line,
        message: `invalid locale ${JSON.stringify(rawLocale.replaceAll('_', '-').slice(0, 40))} (a language tag such as fr or en-GB)`,
      });
      continue;
    }
    const emailKey = emailKeyOf(email);
    if (seen.has(emailKey)) {
      duplicates++;
      problems.push({ line: record.line, message: `duplicate of an earlier row (${email})` });
      continue;
    }
    seen.add(emailKey);
    accounts.push({
      id: crypto.randomUUID(),
      email,
      emailKey,
      name: rawName === '' ? null : rawName,
      locale,
    });
  }
  const imported = accounts.length > 0 ? await store.importAccounts(accounts, now) : 0;
  problems.sort((a, b) => a.line - b.line);
  return {
    rows: records.length,
    imported,
    existing: accounts.length - imported,
    duplicates,
    problems,
  };
}
