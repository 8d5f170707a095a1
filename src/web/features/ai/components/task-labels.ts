import type { TFunction } from 'i18next';
import type { AiLedgerTaskName } from '#shared/ai-tasks.schema.js';

const KNOWN_TASKS: Record<AiLedgerTaskName, true> = {
  planCalendar: true,
  writeContent: true,
  rewriteContent: true,
  classifyMessage: true,
  suggestReplies: true,
  suggestAltText: true,
  generateImage: true,
};

function isKnownTask(task: string): task is AiLedgerTaskName {
  return Object.hasOwn(KNOWN_TASKS, task);
}

/** How a task reads in the UI (the `ai` strings' `tasks`); a task this version of the app does not know shows its id. */
export function taskLabel(task: string, t: TFunction<'ai'>): string {
  return isKnownTask(task) ? t(`tasks.${task}`) : task;
}

/** The model name as people know it; the built-in writer has no model. */
export function modelLabel(model: string, t: TFunction<'ai'>, provider?: string): string {
  return provider === 'offline' || model === 'offline-writer' ? t('offlineWriter') : model;
}
