import { AI_TASK_NAMES, type AiTaskName } from '#shared/ai-tasks.schema.js';
import type { AnyAiTask } from '../task.js';
import { classifyMessageTask } from './classify-message.task.js';
import { planCalendarTask } from './plan-calendar.task.js';
import { rewriteContentTask } from './rewrite-content.task.js';
import { suggestAltTextTask } from './suggest-alt-text.task.js';
import { suggestRepliesTask } from './suggest-replies.task.js';
import { writeContentTask } from './write-content.task.js';

/**
 * Key tasks by name, failing at start-up when a name has no task or two tasks claim one (the way the job
 * registry fails on a job without a handler).
 * @example buildTaskRegistry([writeContentTask, …]).writeContent.version
 */
export function buildTaskRegistry(tasks: readonly AnyAiTask[]): Record<AiTaskName, AnyAiTask> {
  const registry = new Map<AiTaskName, AnyAiTask>();
  for (const task of tasks) {
    if (registry.has(task.name)) throw new Error(`Two AI tasks are named ${task.name}`);
    if (!AI_TASK_NAMES.includes(task.name)) throw new Error(`Unknown AI task name ${task.name}`);
    registry.set(task.name, task);
  }
  const missing = AI_TASK_NAMES.filter((name) => !registry.has(name));
  if (missing.length) throw new Error(`No AI task for ${missing.join(', ')}`);
  return Object.fromEntries(registry) as Record<AiTaskName, AnyAiTask>;
}

/** Every AI task, by name. */
export const AI_TASKS: Record<AiTaskName, AnyAiTask> = buildTaskRegistry([
  planCalendarTask,
  writeContentTask,
  rewriteContentTask,
  classifyMessageTask,
  suggestRepliesTask,
  suggestAltTextTask,
]);

export {
  classifyMessageTask,
  planCalendarTask,
  rewriteContentTask,
  suggestAltTextTask,
  suggestRepliesTask,
  writeContentTask,
};
