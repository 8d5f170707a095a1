// The build (vite.config.ts) writes the web app's page twice and the server (src/server/plugins/static.plugin.ts)
// picks one per request; both read the names here.

/** The page for visitors without a session: it hints the sign-in page's code, which they are about to see. */
export const GUEST_PAGE = 'index.html';

/**
 * The page for visitors who carry a session: it hints the app shell and the workspace layout instead, so a
 * signed-in visitor's browser never fetches and compiles the sign-in form's code only to throw it away.
 */
export const SIGNED_IN_PAGE = 'index.signed-in.html';
