/**
 * Report formats: TAP version 14, JUnit XML, and the human summary printed after either.
 */
import type { CheckResult } from './check.ts';
import type { ConformanceReport } from './run.ts';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The report as TAP version 14: one test point per check, `# SKIP reason` for skipped ones and a
 * YAML block with the section and the failure for failed ones.
 *
 * @example
 * ```ts
 * process.stdout.write(formatTap(await runConformance({ url })));
 * ```
 */
export function formatTap(report: ConformanceReport): string {
  const lines = ['TAP version 14', `1..${report.results.length}`];
  report.results.forEach((r, i) => {
    const name = `${r.id} - ${oneLine(r.title)}`.replaceAll('#', '\\#');
    if (r.status === 'skip') {
      lines.push(`ok ${i + 1} - ${name} # SKIP ${oneLine(r.reason ?? '')}`);
      return;
    }
    lines.push(`${r.status === 'pass' ? 'ok' : 'not ok'} ${i + 1} - ${name}`);
    const yaml = [
      `  ---`,
      `  section: ${JSON.stringify(r.section)}`,
      `  duration_ms: ${r.durationMs}`,
    ];
    if (r.status === 'fail') yaml.push(`  message: ${JSON.stringify(r.reason ?? '')}`);
    yaml.push('  ...');
    lines.push(...yaml);
  });
  return `${lines.join('\n')}\n`;
}

const xml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    // Characters XML 1.0 cannot carry.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/**
 * The report as JUnit XML: one `<testsuite>` per contract section, one `<testcase>` per check
 * (`classname` = section, `name` = check id).
 *
 * @example
 * ```ts
 * await writeFile('conformance.xml', formatJunit(report));
 * ```
 */
export function formatJunit(report: ConformanceReport): string {
  const bySection = new Map<string, CheckResult[]>();
  for (const r of report.results) {
    const section = r.section.split(' — ')[0] ?? r.section;
    bySection.set(section, [...(bySection.get(section) ?? []), r]);
  }
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="connect-auth-conformance" tests="${report.results.length}" failures="${report.counts.fail}" skipped="${report.counts.skip}" time="${seconds(report.durationMs)}" timestamp="${report.startedAt}">`,
  ];
  for (const [section, results] of bySection) {
    const fail = results.filter((r) => r.status === 'fail').length;
    const skip = results.filter((r) => r.status === 'skip').length;
    const time = results.reduce((t, r) => t + r.durationMs, 0);
    out.push(
      `  <testsuite name="${xml(section)}" tests="${results.length}" failures="${fail}" skipped="${skip}" time="${seconds(time)}">`,
    );
    for (const r of results) {
      const open = `    <testcase classname="${xml(r.section)}" name="${xml(r.id)}" time="${seconds(r.durationMs)}">`;
      if (r.status === 'pass') {
        out.push(`${open.slice(0, -1)} />`);
        continue;
      }
      out.push(open);
      if (r.status === 'skip') out.push(`      <skipped message="${xml(r.reason ?? '')}" />`);
      else
        out.push(
          `      <failure message="${xml(oneLine(r.reason ?? '').slice(0, 500))}">${xml(`${r.title}\n${r.reason ?? ''}`)}</failure>`,
        );
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

const MARK = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

/**
 * The human summary: each check with its id and the section it proves, failures and skip reasons
 * beneath, then the counts and the verdict.
 *
 * @example
 * ```ts
 * console.error(formatSummary(report));
 * ```
 */
export function formatSummary(report: ConformanceReport): string {
  const width = Math.max(...report.results.map((r) => r.id.length));
  const lines = [`Connect Auth conformance — ${report.url}`, `mail: ${report.mailbox}`, ''];
  // Grouped by section (§1, §2, …); within a section, in run order.
  const head = (r: CheckResult) => r.section.split(' — ')[0] ?? r.section;
  const ordered = [...report.results].sort((a, b) =>
    head(a).localeCompare(head(b), 'en', { numeric: true }),
  );
  let section = '';
  for (const r of ordered) {
    if (head(r) !== section) {
      section = head(r);
      lines.push(section);
    }
    const sub = r.section.includes(' — ') ? ` [${r.section.split(' — ')[1]}]` : '';
    lines.push(`  ${MARK[r.status]}  ${r.id.padEnd(width)}  ${r.title}${sub}`);
    if (r.status !== 'pass' && r.reason)
      lines.push(`        ${r.status === 'fail' ? '✗' : '–'} ${r.reason}`);
  }
  const { pass, fail, skip } = report.counts;
  lines.push(
    '',
    `${pass} passed, ${fail} failed, ${skip} skipped of ${report.results.length} checks in ${(report.durationMs / 1000).toFixed(1)} s`,
    report.ok
      ? 'CONFORMS: every check that ran passed (skipped checks are listed above with their reason).'
      : fail > 0
        ? `DOES NOT CONFORM: ${report.results
            .filter((r) => r.status === 'fail')
            .map((r) => r.id)
            .join(', ')}`
        : 'NOTHING PROVEN: no check ran (see the skip reasons above).',
  );
  return `${lines.join('\n')}\n`;
}
