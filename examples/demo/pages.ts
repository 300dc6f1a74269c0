/**
 * The demo's pages: small hand-written HTML around the Connect elements. One layout (header with
 * the steps, a note pointing at the dev inbox, a card holding the element), one entry per path.
 */
import type { DemoAccount } from './accounts.ts';
import type { EarlyEntry, Entry } from './assets.ts';

/** What a page needs to know about the running demo. */
export interface PageContext {
  /** The demo accounts with their current status (first the one ready to activate). */
  accounts: readonly DemoAccount[];
  /** The URL of a static asset by its plain name (`demo.css` → its content-hashed URL). */
  asset(name: string): string;
  /**
   * The page's script tags, or '': its early script inlined, then its script's
   * `<link rel="modulepreload">` and `<script type="module">` tags. They go before the
   * stylesheet, which would otherwise hold the inline one until it arrives.
   */
  scripts: string;
}

/** One page: its path, its headers' strictness and its HTML. */
export interface Page {
  path: string;
  /** `no-store` (pages that receive a token in their address) instead of `no-cache`. */
  noStore?: boolean;
  /**
   * The text of the page's one inline `<script>`, if it has one: its hash is added to the
   * Content-Security-Policy's `script-src` (the benchmark's hand-written baseline page).
   */
  inlineScript?: string;
  /** The page's script, one of `browser/<entry>.ts` (see assets.ts); none when absent. */
  script?: Entry;
  /** A script inlined ahead of `script`, run as the page is parsed (see assets.ts). */
  early?: EarlyEntry;
  render(context: PageContext): string;
}

const INBOX = '/dev/inbox';

/**
 * Escape text for HTML content and attribute values.
 *
 * @example
 * ```ts
 * escapeHtml('<a href="x">'); // '&lt;a href=&quot;x&quot;&gt;'
 * ```
 */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function inboxNote(text = 'No real email is sent in this demo.'): string {
  return `<div class="dev-note" role="note">
  <p>${text} <a href="${INBOX}" target="_blank">Open the dev inbox to see the email<span class="visually-hidden"> (opens in a new tab)</span></a>.</p>
</div>`;
}

const NAV: Array<[string, string]> = [
  ['/', 'Overview'],
  ['/lost-password', 'Lost Password'],
  ['/sign-in', 'Sign in'],
  ['/register', 'Register'],
  [INBOX, 'Dev inbox'],
];

/**
 * The demo's page around `body`: header with the steps, the stylesheet and the page's script.
 *
 * @example
 * ```ts
 * layout(context, '/reset', 'Reset', '<form>…</form>', { step: 'Step 2 of 3' });
 * ```
 */
export function layout(
  context: PageContext,
  path: string,
  title: string,
  body: string,
  { step, lede }: { step?: string; lede?: string } = {},
): string {
  const nav = NAV.map(
    ([href, label]) =>
      `<li><a href="${href}"${href === path ? ' aria-current="page"' : ''}>${label}</a></li>`,
  ).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Codelocks Connect demo</title>
${context.scripts}<link rel="icon" href="${context.asset('favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${context.asset('demo.css')}">
</head>
<body>
<a class="skip-link" href="#main">Skip to the content</a>
<header class="site-header">
  <div class="wrap">
    <a class="brand" href="/"><img class="brand-mark" src="${context.asset('favicon.svg')}" alt=""> Codelocks Connect <small>demo</small></a>
    <nav class="site-nav" aria-label="Demo pages"><ul>${nav}</ul></nav>
  </div>
</header>
<main id="main" class="wrap" tabindex="-1">
${step ? `<p class="step-label">${step}</p>` : ''}<h1>${escapeHtml(title)}</h1>
${lede ? `<p class="lede">${lede}</p>` : ''}
${body}
</main>
<footer class="site-footer">
  <div class="wrap"><p>Connect Auth demo: the reference server in dev mode with embedded SQLite. Nothing leaves this machine.</p></div>
</footer>
</body>
</html>
`;
}

function accountLine(account: DemoAccount | undefined): string {
  if (!account) return '';
  return `<span class="account">${escapeHtml(account.email)}</span> (${escapeHtml(account.name)})`;
}

const indexPage: Page = {
  path: '/',
  render(context) {
    const { accounts } = context;
    const ready = accounts.find((a) => a.status === 'pending_activation');
    const done = accounts.filter((a) => a.status === 'active');
    const doneNote = done.length
      ? `<p>Already activated in this demo: ${done.map(accountLine).join(', ')}. Sign in with the password chosen for it, or activate the fresh account above. To start again from scratch, stop the demo and run <code>pnpm demo --reset</code>.</p>`
      : '';
    const readyNote = ready
      ? `<p>An account from the old portal was imported and waits to be activated: ${accountLine(ready)}. It has no password yet; activating it is how its owner chooses one.</p>`
      : '<p>Every demo account is active. Run <code>pnpm demo --reset</code> to start again.</p>';
    return layout(
      context,
      '/',
      'Activate an account from the old portal',
      `<section class="card" aria-labelledby="account-heading">
  <h2 id="account-heading">The migrated account</h2>
  ${readyNote}
  ${doneNote}
  <h3>Walk the activation, as the portal's guide describes it</h3>
  <ol class="journey">
    <li>Visit the <a href="/lost-password">Lost Password</a> page, enter ${ready ? `<strong>${escapeHtml(ready.email)}</strong>` : 'the account’s email'} and select Reset Password.</li>
    <li>Open the <a href="${INBOX}" target="_blank">dev inbox<span class="visually-hidden"> (opens in a new tab)</span></a>, the demo’s stand-in for a mailbox. The newest email, “Password Reset Request for Codelocks Connect”, has the link (and an 8-digit code).</li>
    <li>Click on the link. The page names the account; choose and confirm a new password. The checklist shows what is required (8 or more characters, upper- and lower-case letters, a number) and what is recommended (a special character such as - ! @ # &amp; $).</li>
    <li>Select Save to save your new password. The account is now active.</li>
    <li>Sign in using your email address (already filled in) and your new password.</li>
  </ol>
  <ul class="links">
    <li><a class="button-link" href="/lost-password">Start: Lost Password</a></li>
    <li><a class="button-link secondary" href="${INBOX}" target="_blank">Open the dev inbox<span class="visually-hidden"> (opens in a new tab)</span></a></li>
  </ul>
</section>
<section class="card" aria-labelledby="more-heading">
  <h2 id="more-heading">Also in the demo</h2>
  <ul>
    <li><a href="/sign-in">Sign in</a>: a wrong password and an account not activated yet get the same answer, and the form always offers the activation.</li>
    <li><a href="/register">Register</a>: for people new to NetCode; the confirmation email lands in the dev inbox too.</li>
    <li><a href="/support">Customer Services</a>: for owners who can no longer open their mailbox.</li>
    <li>The API on the same origin: <a href="/v1/password-policy">/v1/password-policy</a>, <a href="/.well-known/jwks.json">/.well-known/jwks.json</a>.</li>
  </ul>
</section>`,
      {
        step: 'Connect Auth demo',
        lede: 'The reference server runs in development mode with an embedded SQLite database. These pages use the Connect Auth elements; the dev inbox shows the emails the server would send.',
      },
    );
  },
};

function elementPage(
  path: string,
  title: string,
  script: Entry,
  element: string,
  options: {
    step?: string;
    lede?: string;
    noStore?: boolean;
    note?: string;
    early?: EarlyEntry;
  } = {},
): Page {
  return {
    path,
    script,
    early: options.early,
    noStore: options.noStore,
    render: (context) =>
      layout(
        context,
        path,
        title,
        `${inboxNote(options.note)}\n<div class="card">\n${element}\n</div>`,
        {
          step: options.step,
          lede: options.lede,
        },
      ),
  };
}

/** A page that only follows a mailed link: its script reports in `data-<script>` (browser/link-page.ts). */
function linkPage(path: string, title: string, script: Entry, note: string): Page {
  return {
    path,
    noStore: true,
    script,
    render: (context) =>
      layout(
        context,
        path,
        title,
        `${inboxNote(note)}
<div class="card" data-${script}>
  <p data-part="status" role="status">Checking your link…</p>
  <p data-part="next" hidden><a class="button-link" href="/sign-in">Sign in</a></p>
</div>`,
      ),
  };
}

/** The elements' `base-url` (the demo serves the API on its own origin); early scripts get it too. */
export const BASE_URL = '/';

const common = `base-url="${BASE_URL}" support-url="/support"`;

const PAGES: Page[] = [
  indexPage,
  elementPage(
    '/lost-password',
    'Lost Password',
    'lost-password',
    `<connect-lost-password ${common}></connect-lost-password>`,
    { step: 'Step 1 of 3' },
  ),
  elementPage(
    '/reset',
    'The link from your email',
    'reset',
    `<connect-reset-password ${common}></connect-reset-password>`,
    {
      step: 'Step 2 of 3',
      noStore: true,
      note: 'This page opens from the link in the email.',
      early: 'reset-early',
    },
  ),
  elementPage(
    '/sign-in',
    'Sign in',
    'sign-in',
    `<connect-sign-in ${common} activate-url="/lost-password"></connect-sign-in>`,
    { step: 'Step 3 of 3' },
  ),
  elementPage(
    '/register',
    'Register',
    'register',
    '<connect-register base-url="/" sign-in-url="/sign-in"></connect-register>',
    { lede: 'New to NetCode, with no account on the old portal? Create one here.' },
  ),
  linkPage(
    '/verify-email',
    'Confirm your email address',
    'verify-email',
    'This page opens from the link in the registration email.',
  ),
  {
    path: '/account',
    script: 'account',
    render: (context) =>
      layout(
        context,
        '/account',
        'Your account',
        `<div class="card" data-account>
  <p data-part="status" role="status">Checking your session…</p>
  <p data-part="sign-in" hidden><a class="button-link" href="/sign-in">Sign in</a></p>
  <div data-part="forms"></div>
  <p data-part="everywhere" hidden><button type="button" class="button-link" data-action="sign-out-everywhere">Sign out on every device</button></p>
</div>`,
        { lede: 'Signed in: change your password or your email address, or sign out everywhere.' },
      ),
  },
  linkPage(
    '/confirm-email',
    'Confirm your new email address',
    'confirm-email',
    'This page opens from the link in the email-change mail.',
  ),
  {
    path: '/support',
    render: (context) =>
      layout(
        context,
        '/support',
        'Customer Services',
        `<div class="card">
  <p>In the real portal this link leads to Codelocks Customer Services. This demo has no support desk, so here is what they do.</p>
  <p>If you had an account on the old portal but can no longer open the mailbox it was registered with, you cannot activate it by email. Customer Services can help you get back into the account once they have confirmed that it is yours.</p>
  <p>Without that confirmation they cannot give anyone access to an account, and they cannot move locks from one account to another.</p>
  <p><a href="/lost-password">Back to Lost Password</a></p>
</div>`,
        { step: 'Help' },
      ),
  },
];

/**
 * The page for a path, or `undefined`.
 *
 * @example
 * ```ts
 * findPage('/reset')?.noStore; // true
 * ```
 */
export function findPage(path: string): Page | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return PAGES.find((page) => page.path === normalized);
}

/** Paths of every page (tests visit them all). */
export const PAGE_PATHS: readonly string[] = PAGES.map((page) => page.path);
