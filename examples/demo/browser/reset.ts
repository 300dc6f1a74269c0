/**
 * The reset page's script (where the emailed link lands): `<connect-reset-password>` and the
 * `<connect-password-input>` its form renders, and nothing else (see ../assets.ts); the element
 * loads `<connect-sign-in>` and `<connect-lost-password>` itself when it might show them.
 */
import '@connect-auth/elements/define/reset-password';
import './lang.ts';
