import type { AiLedgerTaskName } from '#shared/ai-tasks.schema.js';

const TASK_LABELS: Record<AiLedgerTaskName, string> = {
  planCalendar: 'Plan a calendar',
  writeContent: 'Write content',
  rewriteContent: 'Rewrite content',
  classifyMessage: 'Classify a message',
  suggestReplies: 'Suggest replies',
  suggestAltText: 'Suggest alt text',
  generateImage: 'Generate an image',
};

/** How a task reads in the UI; a task this version of the app does not know shows its id. */
export function taskLabel(task: string): string {
  return TASK_LABELS[task as AiLedgerTaskName] ?? task;
}

/** The model name as people know it; the built-in writer has no model. */
export function modelLabel(model: string, provider?: string): string {
  return provider === 'offline' || model === 'offline-writer' ? 'Offline writer' : model;
}
