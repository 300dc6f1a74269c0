/**
 * The wire contract shared by `@connect-auth/core` and `@connect-auth/server`: zod schemas of
 * every request and answer, problem details, error codes and the password-policy format.
 *
 * @packageDocumentation
 */
export * from './codes.ts';
export * from './email.ts';
export * from './messages.ts';
export * from './policy.ts';
export * from './problem.ts';
export * from './routes.ts';
