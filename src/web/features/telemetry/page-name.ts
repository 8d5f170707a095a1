const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The route without ids (`/w/:id/settings`), so metrics group by screen rather than by workspace. */
export function pageName(pathname: string): string {
  return pathname.replace(UUID, ':id').slice(0, 200);
}
