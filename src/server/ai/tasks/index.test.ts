import { describe, expect, it } from 'vitest';
import { AI_TASK_NAMES } from '#shared/ai-tasks.schema.js';
import { AI_TASKS, buildTaskRegistry, classifyMessageTask, writeContentTask } from './index.js';

describe('AI task registry', () => {
  it('has one versioned task per name', () => {
    expect(Object.keys(AI_TASKS).sort()).toEqual([...AI_TASK_NAMES].sort());
    for (const name of AI_TASK_NAMES) {
      expect(AI_TASKS[name].name).toBe(name);
      expect(AI_TASKS[name].version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    }
  });

  it('fails fast on a missing or duplicated task', () => {
    expect(() => buildTaskRegistry([writeContentTask])).toThrow(/No AI task for planCalendar/);
    expect(() => buildTaskRegistry([...Object.values(AI_TASKS), classifyMessageTask])).toThrow(
      /Two AI tasks/,
    );
  });
});
