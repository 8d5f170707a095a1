import { describe, expect, it } from 'vitest';
import { JOB_LABELS } from '#shared/jobs.schema.js';
import { JOB_DEFINITIONS } from './job-definitions.js';

describe('job definitions', () => {
  it('give every job a label a person reads on screen instead of its name', () => {
    const unlabelled = Object.keys(JOB_DEFINITIONS).filter((name) => !JOB_LABELS[name]);
    expect(unlabelled).toEqual([]);
    for (const label of Object.values(JOB_LABELS)) expect(label).not.toMatch(/[._]/);
  });
});
