import { AppError } from '#server/errors/app-error.js';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import type { Repositories } from '#server/repositories/index.js';
import type { Job, JobListQuery, JobPage } from '#shared/jobs.schema.js';
import type { Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';

/**
 * What people may see and do with their workspace's background jobs: every member reads them;
 * owners, admins and editors retry or cancel. A job of another workspace answers exactly like a
 * missing one (404), so job ids reveal nothing across tenants.
 */
export class JobService {
  constructor(
    private readonly repos: Pick<Repositories, 'memberships'>,
    private readonly queue: JobQueue<AppJobDefinitions>,
  ) {}

  async get(principal: Principal, id: string): Promise<Job> {
    const businessId = await this.authorise(principal, id, 'jobs.read');
    return this.found(await this.queue.get(businessId, id));
  }

  async list(principal: Principal, query: JobListQuery): Promise<JobPage> {
    await requireWorkspaceRole(this.repos, principal, query.business_id, 'jobs.read');
    const page = await this.queue.list(query.business_id, query);
    return { items: page.items, next_cursor: page.nextCursor };
  }

  async retry(principal: Principal, id: string): Promise<Job> {
    const businessId = await this.authorise(principal, id, 'jobs.manage');
    const job = await this.queue.retry(businessId, id);
    if (job === false) {
      throw new AppError('conflict', 'Only failed or dead jobs can be retried', {
        facts: { reason: 'job_not_retryable' },
      });
    }
    return this.found(job);
  }

  async cancel(principal: Principal, id: string): Promise<Job> {
    const businessId = await this.authorise(principal, id, 'jobs.manage');
    const job = await this.queue.cancel(businessId, id);
    if (job === false) {
      throw new AppError('conflict', 'The job has already finished', { facts: { reason: 'job_finished' } });
    }
    return this.found(job);
  }

  /** The job's workspace, once the caller's role there allows `permission`. */
  private async authorise(principal: Principal, id: string, permission: 'jobs.read' | 'jobs.manage') {
    const businessId = await this.queue.workspaceOf(id);
    if (!businessId) throw notFound();
    // A non-member gets not_found from the check itself, the same answer as an unknown id.
    await requireWorkspaceRole(this.repos, principal, businessId, permission).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'not_found' ? notFound() : error;
    });
    return businessId;
  }

  private found(job: Job | undefined): Job {
    if (!job) throw notFound();
    return job;
  }
}

function notFound(): AppError {
  return new AppError('not_found', 'No such job');
}
