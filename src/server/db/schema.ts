import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { JobState } from '../../shared/jobs.schema.js';
import type { Role } from '../../shared/roles.js';

// Column types are the same on SQLite and PostgreSQL: ids are UUIDv7 text, times are ISO-8601 UTC text
// (which sorts correctly as text), JSON is text. See docs/decisions.md.

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  /** SHA-256 of the opaque token; the token itself is never stored. */
  token_hash: string;
  /** Every token rotated from one login shares a family; reuse of a rotated token revokes the family. */
  family_id: string;
  expires_at: string;
  created_at: string;
  revoked_at: string | null;
  replaced_by: string | null;
}

export interface BusinessesTable {
  id: string;
  name: string;
  industry: string | null;
  description: string | null;
  website: string | null;
  time_zone: string;
  locale: string;
  /** JSON `BrandProfile` (src/shared/brand.schema.ts). */
  brand_profile: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  business_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  business_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  role: Exclude<Role, 'owner'>;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  business_id: string;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  action: string;
  target: string | null;
  /** JSON object as text. */
  details: string;
  created_at: string;
}

/** What happened to an AI call; `cached` calls cost nothing. */
export type AiCallOutcome = 'ok' | 'error' | 'cached' | 'budget_exceeded' | 'cancelled';

export interface AiCallsTable {
  id: string;
  business_id: string;
  user_id: string | null;
  task: string;
  task_version: string;
  /** `offline` or `openai-compatible`. */
  provider: string;
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  cost_micro_usd: number;
  /** 0 when the model had no price (cost recorded as 0 and flagged). */
  price_known: number;
  latency_ms: number;
  attempts: number;
  outcome: AiCallOutcome;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
}

export interface AiBudgetsTable {
  business_id: string;
  monthly_limit_micro_usd: number;
  updated_at: string;
}

export interface AiProviderSettingsTable {
  business_id: string;
  base_url: string | null;
  model: string;
  /** AES-256-GCM sealed (see services/security/secret-box.ts); never returned by the API. */
  api_key_encrypted: string | null;
  api_key_last4: string | null;
  updated_at: string;
}

export interface JobsTable {
  id: string;
  /** Null for system jobs (housekeeping), which belong to no workspace and no API shows. */
  business_id: string | null;
  name: string;
  /** JSON payload, validated against the job's schema when enqueued and again when run. */
  payload: string;
  state: JobState;
  progress: Generated<number>;
  progress_message: string | null;
  attempts: Generated<number>;
  max_attempts: number;
  run_at: string;
  /** The worker holding the job while it runs, and until when; an expired lease may be claimed again. */
  lease_owner: string | null;
  lease_expires_at: string | null;
  last_error: string | null;
  /** JSON of what the handler returned. */
  result: string | null;
  idempotency_key: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface DB {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  businesses: BusinessesTable;
  memberships: MembershipsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  ai_calls: AiCallsTable;
  ai_budgets: AiBudgetsTable;
  ai_provider_settings: AiProviderSettingsTable;
  jobs: JobsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type BusinessRow = Selectable<BusinessesTable>;
export type NewBusiness = Insertable<BusinessesTable>;
export type BusinessUpdate = Updateable<BusinessesTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type AiCallRow = Selectable<AiCallsTable>;
export type AiProviderSettingsRow = Selectable<AiProviderSettingsTable>;
export type JobRow = Selectable<JobsTable>;
