/**
 * The reset page's early script, inlined in its `<head>` ahead of the stylesheet (see
 * ../assets.ts): it sends the link's check while the page is being parsed, so the answer travels
 * while the forms' code loads and starts. `<connect-reset-password>`'s client, built for the
 * same base URL (the tag's `data-base-url`, the element's `base-url`), takes that answer instead
 * of asking again. A classic script: `document.currentScript` is its tag.
 */
import { startResetTokenCheck } from '@connect-auth/core';

const base = document.currentScript?.dataset.baseUrl;
if (base) startResetTokenCheck({ baseUrl: new URL(base, window.location.href).href });
