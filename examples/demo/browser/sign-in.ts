/** The sign-in page's script: `<connect-sign-in>` and nothing else (see ../assets.ts). */
import '@connect-auth/elements/define/sign-in';
import './lang.ts';
