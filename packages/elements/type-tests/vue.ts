// The Vue GlobalComponents entries: props as vue-tsc sees them (camelCase, on<EventName>).
import type { ConnectClient } from '@connect-auth/core';
import type {} from '@connect-auth/elements/vue';
import type { GlobalComponents } from 'vue';

type Props<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$props'];
declare const client: ConnectClient;

export const signIn: Props<'connect-sign-in'> = {
  baseUrl: 'https://connect.example.com',
  activateUrl: '/lost-password',
  client,
  onConnectSignedIn: (e) => console.log(e.session.account.email),
  onConnectError: (e) => console.log(e.code),
};
export const reset: Props<'connect-reset-password'> = {
  signInUrl: '/sign-in',
  lostPasswordUrl: '/lost-password',
  onConnectPasswordReset: (e) => console.log(e.activated),
};
export const lost: Props<'connect-lost-password'> = { onConnectResetRequested: (e) => e.resend };
export const register: Props<'connect-register'> = { onConnectRegistered: (e) => e.email };
export const input: Props<'connect-password-input'> = { autocomplete: 'new-password' };

// @ts-expect-error activateUrl is a string
export const wrongType: Props<'connect-sign-in'> = { activateUrl: 1 };
export const wrongHandler: Props<'connect-sign-in'> = {
  // @ts-expect-error the handler gets a ConnectSignedInEvent, which has no `code`
  onConnectSignedIn: (e) => e.code,
};
// @ts-expect-error autocomplete is new-password or current-password
export const wrongValue: Props<'connect-password-input'> = { autocomplete: 'off' };
