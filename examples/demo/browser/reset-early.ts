/**
 * The reset page's first script, loaded before the page's own (see ../assets.ts): it sends the
 * link's check the moment the page is parsed, so the answer travels while the forms' code loads
 * and starts. `<connect-reset-password>`'s client, built for the same `base-url`, takes that
 * answer instead of asking again. Bundled on its own (no shared chunks): it must not wait for
 * the code it runs ahead of.
 */
import { startResetTokenCheck } from '@connect-auth/core';

const base = document.querySelector('connect-reset-password')?.getAttribute('base-url');
if (base) startResetTokenCheck({ baseUrl: new URL(base, window.location.href).href });
