/**
 * The reset page's script (where the emailed link lands): `<connect-reset-password>` and the tags
 * it renders (`<connect-password-input>`, `<connect-lost-password>`, `<connect-sign-in>`), and
 * nothing else (see ../assets.ts).
 */
import '@connect-auth/elements/define/reset-password';
import './lang.ts';
