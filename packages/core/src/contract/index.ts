/**
 * The wire contract shared by `@connect-auth/core` and `@connect-auth/server`: zod schemas of
 * every request and answer, problem details, error codes and the password-policy format. (The
 * browser client checks the same shapes with the zod-free guards of `guards.ts`, proven
 * equivalent by `guards.test.ts`; they are internal and not exported here.)
 *
 * @packageDocumentation
 */
export * from './codes.ts';
export * from './email.ts';
export * from './messages.ts';
export * from './policy.ts';
export * from './problem.ts';
export * from './routes.ts';
