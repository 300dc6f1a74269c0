// Every tag with correct props type-checks; each @ts-expect-error line must really be an error.
import type { ConnectClient } from '@connect-auth/core';
import type { ConnectErrorEvent } from '@connect-auth/elements';
import type {} from '@connect-auth/elements/react';

declare const client: ConnectClient;

export const page = (
  <main>
    <connect-lost-password
      base-url="https://connect.example.com"
      email="ann@example.com"
      support-url="/contact"
      sign-in-url="/sign-in"
      strings={{ 'lost.heading': 'Forgot your password?' }}
      onconnect-before-submit={(e) => e.formData.get('email')}
      onconnect-reset-requested={(e) => console.log(e.email, e.resend)}
      onconnect-password-reset={(e) => console.log(e.activated)}
      onconnect-error={(e) => console.log(e.code, e.action)}
    />
    <connect-reset-password
      client={client}
      lost-password-url="/lost-password"
      sign-in-url="/sign-in"
      token="tok_0123456789abcdefghijklmnop"
      onconnect-password-reset={(e) => console.log(e.email, e.session?.accessToken)}
    />
    <connect-sign-in
      className="signin"
      base-url="https://connect.example.com"
      activate-url="/lost-password"
      onconnect-signed-in={(e) => console.log(e.session.account.email)}
      ref={(el) => console.log(el?.step)}
    />
    <connect-register base-url="/" sign-in-url="/sign-in" onconnect-registered={(e) => e.email} />
    <connect-password-input
      autocomplete="current-password"
      feedback="none"
      name="password"
      required
      user-name="Ann"
      policy={null}
    />

    {/* @ts-expect-error base-url is a string */}
    <connect-sign-in base-url={1} />
    {/* @ts-expect-error the sign-in form has no signInUrl property */}
    <connect-sign-in signInUrl="/x" />
    {/* @ts-expect-error the handler gets a ConnectSignedInEvent */}
    <connect-sign-in onconnect-signed-in={(e: ConnectErrorEvent) => e.code} />
    {/* @ts-expect-error autocomplete is new-password or current-password */}
    <connect-password-input autocomplete="off" />
    {/* @ts-expect-error client is a ConnectClient */}
    <connect-register client="https://connect.example.com" />
  </main>
);
