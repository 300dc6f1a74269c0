/**
 * A real reset link for a demo account, minted the way its owner gets one: a reset request, then
 * the mail in the dev inbox. Used by the screenshot scripts and the pages benchmark.
 */
import type { Demo } from './demo.ts';

/**
 * Request a reset for `email` and return the link of the newest mail to it.
 *
 * @example
 * ```ts
 * await page.goto(await resetLink(demo));
 * ```
 */
export async function resetLink(demo: Demo, email: string = demo.account.email): Promise<string> {
  await fetch(`${demo.url}/v1/password-resets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  return newestLink(demo, email);
}

/**
 * The link of the newest mail to `email`, once the mail queued so far is in the dev inbox.
 *
 * @example
 * ```ts
 * const link = await newestLink(demo, 'owner@example.com');
 * ```
 */
export async function newestLink(demo: Demo, email: string): Promise<string> {
  await demo.settled();
  const mails = (await (
    await fetch(`${demo.url}/dev/mail?to=${encodeURIComponent(email)}`)
  ).json()) as Array<{ link?: string }>;
  const link = mails[0]?.link;
  if (!link) throw new Error(`no reset link for ${email} in the dev inbox`);
  return link;
}
