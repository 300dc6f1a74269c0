/** The register page's script: `<connect-register>` and nothing else (see ../assets.ts). */
import '@connect-auth/elements/define/register';
import './lang.ts';
