// JSX types for the five tags: their attributes and properties as props, typed event handlers.

import type { Session } from '@connect-auth/core';
import type {} from '@connect-auth/elements/react';
import { useEffect, useSyncExternalStore } from 'react';
import { apiUrl, client } from './connect.ts';

function useSession(): Session | null {
  return useSyncExternalStore(
    (onChange) => client.onSessionChange(onChange),
    () => client.session,
  );
}

/** The page the mailed link opens: `<app>/reset#token=…`. */
function ResetPage() {
  return (
    <section>
      <h2>Choose your password</h2>
      <connect-reset-password client={client} />
    </section>
  );
}

function HomePage() {
  return (
    <>
      <section>
        <h2>Activate your account or reset your password</h2>
        <connect-lost-password client={client} />
      </section>
      <section>
        <h2>Sign in</h2>
        {/* Typed handler: `event` is a ConnectSignedInEvent. */}
        <connect-sign-in
          client={client}
          onconnect-signed-in={(event) => console.info('signed in as', event.session.account.email)}
        />
      </section>
      <section>
        <h2>Create an account</h2>
        <connect-register client={client} />
      </section>
      <section>
        <h2>The password field on its own</h2>
        <connect-password-input label="Try a password" />
      </section>
    </>
  );
}

export function App() {
  const session = useSession();
  useEffect(() => {
    // Resume the session the refresh cookie (HttpOnly, on the API's origin) still holds.
    client.refreshSession().catch(() => null);
  }, []);
  return (
    <main>
      <header>
        <h1>Codelocks Connect</h1>
        <p>
          <span data-testid="session">
            {session ? `Signed in as ${session.account.email}` : 'Not signed in'}
          </span>{' '}
          {session ? (
            <button type="button" onClick={() => void client.signOut()}>
              Sign out
            </button>
          ) : null}
        </p>
        <p>
          Account service: <code>{apiUrl}</code>
        </p>
      </header>
      {location.pathname === '/reset' ? <ResetPage /> : <HomePage />}
    </main>
  );
}
