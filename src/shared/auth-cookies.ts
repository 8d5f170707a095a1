// Apart from auth.schema.ts (which re-exports them) so that the web app's start-up code can read them
// without loading zod: the sign-in page's JavaScript budget has no room for it.

/** Cookie and header names shared by the server and the web client. */
export const AUTH_COOKIES = { refresh: 'mcc_refresh', csrf: 'mcc_csrf' } as const;
export const CSRF_HEADER = 'x-csrf-token';
