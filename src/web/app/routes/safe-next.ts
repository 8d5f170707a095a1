/**
 * Where to go after signing in. Only same-site paths are accepted: `//evil.example` and absolute URLs
 * would turn the sign-in page into an open redirect.
 */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
