/** The lost-password page's script: `<connect-lost-password>` and nothing else (see ../assets.ts). */
import '@connect-auth/elements/define/lost-password';
import './lang.ts';
