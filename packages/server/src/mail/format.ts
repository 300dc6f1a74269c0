/**
 * Small text helpers for the mail templates: HTML escaping, dates and durations in words, and
 * the shared HTML frame. No external resources, no tracking, inline styles only (mail clients
 * strip `<style>` blocks and block remote content).
 */
import { fill, wordsFor } from '../i18n/index.ts';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escape text for HTML element content and double- or single-quoted attribute values.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Replace line breaks and other control characters with a space, for one-line fields such as a
 * subject (no header injection, whatever the configuration says).
 */
export function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/**
 * A date in words, in UTC (the server does not know the reader's time zone), in a server
 * language (English by default); stable across ICU versions because it does not use `Intl`.
 */
export function formatUtc(date: Date, language?: string | null): string {
  const words = wordsFor(language);
  const hh = String(date.getUTCHours()).padStart(2, '0');
  const mm = String(date.getUTCMinutes()).padStart(2, '0');
  return fill(words['date.format'], {
    time: `${hh}:${mm}`,
    weekday: words['date.weekdays'].split(',')[date.getUTCDay()] ?? '',
    day: date.getUTCDate(),
    month: words['date.months'].split(',')[date.getUTCMonth()] ?? '',
    year: date.getUTCFullYear(),
  });
}

/**
 * A duration in words, rounded to whole minutes; whole hours from two hours up.
 */
export function formatDuration(ms: number, language?: string | null): string {
  const words = wordsFor(language);
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes >= 120 && minutes % 60 === 0) {
    return fill(words['duration.hours'], { count: minutes / 60 });
  }
  return minutes === 1
    ? words['duration.minute']
    : fill(words['duration.minutes'], { count: minutes });
}

/**
 * How long a link stays valid: `{ duration, until }` for the `mail.validity` words when the
 * request time is known, `{ until }` only otherwise.
 */
export function validity(
  expiresAt: Date,
  requestedAt?: Date,
  language?: string | null,
): { duration?: string; until: string } {
  const until = formatUtc(expiresAt, language);
  if (!requestedAt || expiresAt.getTime() <= requestedAt.getTime()) return { until };
  return {
    duration: formatDuration(expiresAt.getTime() - requestedAt.getTime(), language),
    until,
  };
}

/**
 * Pieces of the HTML frame (all already escaped by the caller).
 */
export interface HtmlFrame {
  productName: string;
  title: string;
  body: string;
  /** The mail's language tag (`<html lang>`); `en` when absent. */
  lang?: string;
}

/**
 * The one HTML layout every mail uses: a plain centred column, inline styles only.
 */
export function htmlFrame(frame: HtmlFrame): string {
  return `<!doctype html>
<html lang="${frame.lang ?? 'en'}">
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
 */
export function paragraph(html: string): string {
  return `<p style="font-size:15px;line-height:1.5;margin:0 0 16px;">${html}</p>`;
}

/**
 * A prominent link button plus the raw URL (some clients hide buttons; people copy URLs).
 */
export function button(url: string, label: string, orOpen = 'Or open this address:'): string {
  const href = escapeHtml(url);
  return `<p style="margin:0 0 16px;"><a href="${href}" style="display:inline-block;background:#0b5cad;color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:6px;">${escapeHtml(label)}</a></p>
<p style="font-size:13px;line-height:1.5;margin:0 0 16px;color:#57606a;word-break:break-all;">${escapeHtml(orOpen)} <a href="${href}" style="color:#0b5cad;">${href}</a></p>`;
}

/**
 * The one-time code in a large, easy-to-read box.
 */
export function codeBox(code: string): string {
  return `<p style="font-family:Consolas,Menlo,monospace;font-size:28px;letter-spacing:4px;font-weight:bold;text-align:center;background:#f4f5f7;border:1px solid #d0d7de;border-radius:6px;padding:12px;margin:0 0 16px;">${escapeHtml(code)}</p>`;
}
