// The AI routes' paths. They belong in src/shared/api-paths.ts beside the others; until the server side
// adds them there, the web app keeps them here (one place to change).
export const AI_API = {
  usage: '/api/ai/usage',
  calls: '/api/ai/calls',
  budget: (businessId: string) => `/api/business/${businessId}/ai-budget`,
  provider: (businessId: string) => `/api/business/${businessId}/ai-provider`,
  generateContent: '/api/content/generate',
} as const;
