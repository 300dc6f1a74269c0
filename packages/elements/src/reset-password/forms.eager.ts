/**
 * `forms.ts` for the self-contained browser files (scripts/build-browser.ts): the forms are in
 * the file already, registered with it, so there is nothing to load.
 */
import '../define/lost-password.ts';
import '../define/sign-in.ts';

export const loadSignIn = (): Promise<unknown> => Promise.resolve();

export const loadLostPassword = loadSignIn;

export const whenIdle = (_load: () => Promise<unknown>): void => {};
