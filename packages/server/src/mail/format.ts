/**
 * Small text helpers for the mail templates: HTML escaping, dates and durations in words, and
 * the shared HTML frame. No external resources, no tracking, inline styles only (mail clients
 * strip `<style>` blocks and block remote content).
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escape text for HTML element content and double- or single-quoted attribute values.
 *
 * @example
 * ```ts
 * escapeHtml('<script>"x"</script>'); // '&lt;script&gt;&quot;x&quot;&lt;/script&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Replace line breaks and other control characters with a space, for one-line fields such as a
 * subject (no header injection, whatever the configuration says).
 *
 * @example
 * ```ts
 * oneLine('Codelocks\r\nBcc: x'); // 'Codelocks  Bcc: x'
 * ```
 */
export function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A date in words, in UTC (the server does not know the reader's time zone); stable across
 * ICU versions because it does not use `Intl`.
 *
 * @example
 * ```ts
 * formatUtc(new Date('2026-11-28T08:31:00Z')); // '08:31 UTC on Saturday 28 November 2026'
 * ```
 */
export function formatUtc(date: Date): string {
  const hh = String(date.getUTCHours()).padStart(2, '0');
  const mm = String(date.getUTCMinutes()).padStart(2, '0');
  return `${hh}:${mm} UTC on ${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${
    MONTHS[date.getUTCMonth()]
  } ${date.getUTCFullYear()}`;
}

/**
 * A duration in words, rounded to whole minutes; whole hours from two hours up.
 *
 * @example
 * ```ts
 * formatDuration(60 * 60_000); // '60 minutes'
 * formatDuration(24 * 60 * 60_000); // '24 hours'
 * ```
 */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes >= 120 && minutes % 60 === 0) return `${minutes / 60} hours`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * How long a link stays valid, in words: "for 60 minutes (until …)" when the request time is
 * known, "until …" otherwise.
 *
 * @example
 * ```ts
 * validity(new Date('2026-11-28T09:31:00Z'), new Date('2026-11-28T08:31:00Z'));
 * // 'for 60 minutes, until 09:31 UTC on Saturday 28 November 2026'
 * ```
 */
export function validity(expiresAt: Date, requestedAt?: Date): string {
  const until = `until ${formatUtc(expiresAt)}`;
  if (!requestedAt || expiresAt.getTime() <= requestedAt.getTime()) return until;
  return `for ${formatDuration(expiresAt.getTime() - requestedAt.getTime())}, ${until}`;
}

/**
 * Pieces of the HTML frame (all already escaped by the caller).
 *
 * @example
 * ```ts
 * htmlFrame({ productName: 'Codelocks Connect', title: 'Hello', body: paragraph('Hi') } satisfies HtmlFrame);
 * ```
 */
export interface HtmlFrame {
  productName: string;
  title: string;
  body: string;
}

/**
 * The one HTML layout every mail uses: a plain centred column, inline styles only.
 *
 * @example
 * ```ts
 * htmlFrame({ productName: 'Codelocks Connect', title: 'Hello', body: paragraph('Hi') });
 * ```
 */
export function htmlFrame(frame: HtmlFrame): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title}</title>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2328;">
<div style="max-width:560px;margin:0 auto;padding:24px 16px;">
<div style="background:#ffffff;border-radius:8px;padding:24px;">
<h1 style="font-size:20px;margin:0 0 16px;">${frame.title}</h1>
${frame.body}
</div>
<p style="font-size:12px;color:#57606a;margin:16px 8px;">${frame.productName}</p>
</div>
</body>
</html>
`;
}

/**
 * An HTML paragraph of already escaped content.
 *
 * @example
 * ```ts
 * paragraph(escapeHtml('Hello'));
 * ```
 */
export function paragraph(html: string): string {
  return `<p style="font-size:15px;line-height:1.5;margin:0 0 16px;">${html}</p>`;
}

/**
 * A prominent link button plus the raw URL (some clients hide buttons; people copy URLs).
 *
 * @example
 * ```ts
 * button('https://app.example/reset#token=x', 'Choose a new password');
 * ```
 */
export function button(url: string, label: string): string {
  const href = escapeHtml(url);
  return `<p style="margin:0 0 16px;"><a href="${href}" style="display:inline-block;background:#0b5cad;color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:6px;">${escapeHtml(label)}</a></p>
<p style="font-size:13px;line-height:1.5;margin:0 0 16px;color:#57606a;word-break:break-all;">Or open this address: <a href="${href}" style="color:#0b5cad;">${href}</a></p>`;
}

/**
 * The one-time code in a large, easy-to-read box.
 *
 * @example
 * ```ts
 * codeBox('12345678');
 * ```
 */
export function codeBox(code: string): string {
  return `<p style="font-family:Consolas,Menlo,monospace;font-size:28px;letter-spacing:4px;font-weight:bold;text-align:center;background:#f4f5f7;border:1px solid #d0d7de;border-radius:6px;padding:12px;margin:0 0 16px;">${escapeHtml(code)}</p>`;
}
