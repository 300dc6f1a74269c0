/**
 * The wire contract shared by `@connect-auth/core` and `@connect-auth/server`: zod schemas of
 * every request and answer, problem details, error codes and the password-policy format, plus
 * the zod-free guards (`parseSession`, `checkSignInBody`, …) the browser client checks with,
 * proven equivalent to the schemas by `guards.test.ts`.
 *
 * @packageDocumentation
 */
export * from './codes.ts';
export * from './email.ts';
export * from './guards.ts';
export * from './messages.ts';
export * from './policy.ts';
export * from './problem.ts';
export * from './routes.ts';
