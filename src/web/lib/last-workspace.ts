const STORAGE_KEY = 'mcc.lastWorkspace';

/** The workspace opened last, so "/" and pages outside a workspace return to it. An id, never a secret. */
export function getLastWorkspaceId(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberWorkspaceId(businessId: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, businessId);
  } catch {
    // Without storage, "/" opens the first workspace instead.
  }
}
