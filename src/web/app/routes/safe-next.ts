/**
 * Where to go after signing in. Only same-site paths are accepted: `//evil.example` and absolute URLs
 * would turn the sign-in page into an open redirect.
 */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** The workspace a path opens (`/w/<id>/…`), if it opens one. */
export function workspaceIdIn(path: string): string | undefined {
  const match = /^\/w\/([^/?#]+)/.exec(path);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}
