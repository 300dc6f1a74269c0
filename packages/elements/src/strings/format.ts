/** Values that can fill a `{placeholder}`. */
export type FormatParams = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * Fill `{name}` placeholders; unknown placeholders stay as written so a missing value is visible.
 *
 * @example
 * ```ts
 * format('Try again in {seconds} s.', { seconds: 42 }); // 'Try again in 42 s.'
 * ```
 */
export function format(template: string, params: FormatParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
