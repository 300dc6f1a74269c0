import { createConnectClient } from '@connect-auth/core';

/** The account service: another origin than this app. */
export const apiUrl: string = import.meta.env.VITE_CONNECT_URL ?? 'http://127.0.0.1:8787';

/** One client for the whole app: every element shares its session and cached policy. */
export const client = createConnectClient({ baseUrl: apiUrl });
