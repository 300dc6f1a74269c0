import type { StringOverrides } from './en.ts';

/**
 * American English: only the strings whose spelling differs from the British reference table
 * ({@link en}); everything else falls back to it. Loaded by the elements under `lang="en-US"`.
 *
 * @example
 * ```ts
 * import { enUS, registerTranslation } from '@connect-auth/elements';
 * registerTranslation('en-US', enUS); // bundled up front instead of loaded on demand
 * ```
 */
export const enUS: StringOverrides = {
  'error.aborted': 'The request was canceled.',
};

export default enUS;
