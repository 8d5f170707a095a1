/**
 * @simplewebauthn/server, loaded by the first passkey request rather than with the app: it is about a third
 * of a second of every process's start (server, worker, CLI), which an instance whose people sign in with
 * passwords never needs. Node keeps the module once loaded, so later calls cost a lookup.
 */
export async function webauthn(): Promise<
  typeof import('@simplewebauthn/server') & typeof import('@simplewebauthn/server/helpers')
> {
  const [server, helpers] = await Promise.all([
    import('@simplewebauthn/server'),
    import('@simplewebauthn/server/helpers'),
  ]);
  return { ...server, ...helpers };
}
