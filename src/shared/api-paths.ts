/** API paths used by the web client; the server registers the same ones. */
export const API = {
  register: '/api/auth/register',
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  password: '/api/auth/password',
  businesses: '/api/business/',
  business: (id: string) => `/api/business/${id}`,
  members: (id: string) => `/api/business/${id}/members`,
  member: (id: string, userId: string) => `/api/business/${id}/members/${userId}`,
  apiKeys: (id: string) => `/api/business/${id}/api-keys`,
  apiKey: (id: string, keyId: string) => `/api/business/${id}/api-keys/${keyId}`,
  auditLog: (id: string) => `/api/business/${id}/audit-log`,
  telemetry: '/api/telemetry',
} as const;
