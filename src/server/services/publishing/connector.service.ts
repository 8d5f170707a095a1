import { newId } from '#server/db/ids.js';
import type { ConnectorRow, ConnectorUpdate } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { ConnectorCredentials, ConnectorRegistry } from '#server/integrations/connectors/index.js';
import type { Repositories } from '#server/repositories/index.js';
import type {
  Connector,
  ConnectorTestResult,
  ConnectorWithSecret,
  CreateConnectorBody,
  UpdateConnectorBody,
} from '#shared/connector.schema.js';
import type { Principal } from '../access/principal.js';
import { requireRowRole } from '../access/row-access.js';
import type { SecretBox } from '../access/security/secret-box.js';
import { randomToken } from '../access/security/tokens.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { recordAudit } from '../workspace/audit.service.js';

/** Signing secrets start with this, like other webhook senders', so receivers recognise what it is. */
export const CONNECTOR_SECRET_PREFIX = 'whsec_';

/**
 * Publishing connectors of a workspace (owners and admins): create with a signing secret shown once,
 * edit, rotate the secret, delete, and send a signed test. URLs pass the outbound guard before they are
 * stored, so a connector can never be pointed inside the server's network.
 */
export class ConnectorService {
  constructor(
    private readonly repos: Repositories,
    private readonly connectors: ConnectorRegistry,
    private readonly secretBox: SecretBox,
    private readonly now: () => Date,
  ) {}

  async list(principal: Principal, businessId: string): Promise<Connector[]> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'connectors.manage');
    return (await this.repos.connectors.list(businessId)).map(toConnector);
  }

  async create(principal: Principal, body: CreateConnectorBody): Promise<ConnectorWithSecret> {
    const businessId = body.business_id;
    await requireWorkspaceRole(this.repos, principal, businessId, 'connectors.manage');
    const settings = await this.checkSettings(body.kind, body.settings);
    const secret = newSecret();
    const at = this.now().toISOString();
    const row: ConnectorRow = {
      id: newId(),
      business_id: businessId,
      kind: body.kind,
      name: body.name,
      settings: JSON.stringify(settings),
      secret_encrypted: this.secretBox.seal(secret),
      channels: body.channels === null ? null : JSON.stringify(body.channels),
      enabled: body.enabled ? 1 : 0,
      created_by: principal.kind === 'user' ? principal.userId : null,
      created_at: at,
      updated_at: at,
    };
    await this.repos.transaction(async (trx) => {
      await trx.connectors.insert(row);
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'connector.created',
        target: row.id,
        details: { kind: row.kind, name: row.name },
        at,
      });
    });
    return { connector: toConnector(row), secret };
  }

  /** Change settings, channels, name or enabled; `rotate_secret` answers with the new secret, once. */
  async update(
    principal: Principal,
    connectorId: string,
    body: UpdateConnectorBody,
  ): Promise<ConnectorWithSecret> {
    const { row, businessId } = await this.load(principal, connectorId);
    const patch: ConnectorUpdate = { updated_at: this.now().toISOString() };
    if (body.name !== undefined) patch.name = body.name;
    if (body.settings !== undefined) {
      patch.settings = JSON.stringify(await this.checkSettings(row.kind, body.settings));
    }
    if (body.channels !== undefined)
      patch.channels = body.channels === null ? null : JSON.stringify(body.channels);
    if (body.enabled !== undefined) patch.enabled = body.enabled ? 1 : 0;
    const secret = body.rotate_secret ? newSecret() : null;
    if (secret) patch.secret_encrypted = this.secretBox.seal(secret);
    const updated = await this.repos.transaction(async (trx) => {
      const saved = await trx.connectors.update(businessId, connectorId, patch);
      if (!saved) throw new AppError('not_found', 'No such connector');
      const { rotate_secret: _, ...changed } = body;
      await recordAudit(trx, {
        businessId,
        principal,
        action: secret ? 'connector.secret_rotated' : 'connector.updated',
        target: connectorId,
        details: { fields: Object.keys(changed) },
        at: saved.updated_at,
      });
      return saved;
    });
    return { connector: toConnector(updated), secret };
  }

  async delete(principal: Principal, connectorId: string): Promise<void> {
    const { row, businessId } = await this.load(principal, connectorId);
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      if (!(await trx.connectors.delete(businessId, connectorId))) {
        throw new AppError('not_found', 'No such connector');
      }
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'connector.deleted',
        target: connectorId,
        details: { kind: row.kind, name: row.name },
        at,
      });
    });
  }

  /** Send a signed test payload now and say how the receiver answered; nothing is stored. */
  async test(principal: Principal, connectorId: string): Promise<ConnectorTestResult> {
    const { row, businessId } = await this.load(principal, connectorId);
    const result = await this.connectors[row.kind].sendTest(
      connectorCredentials(row, this.secretBox),
      businessId,
    );
    return {
      ok: result.ok,
      status_code: result.statusCode,
      duration_ms: result.durationMs,
      failure_kind: result.ok ? null : result.failure.kind,
      error: result.ok ? null : result.failure.message,
      response_headers: result.responseHeaders,
    };
  }

  private async load(principal: Principal, connectorId: string) {
    const businessId = await this.repos.connectors.businessIdOf(connectorId);
    await requireRowRole(this.repos, principal, businessId, 'connectors.manage', 'connector');
    const row = businessId ? await this.repos.connectors.find(businessId, connectorId) : undefined;
    if (!row || !businessId) throw new AppError('not_found', 'No such connector');
    return { row, businessId };
  }

  /**
   * The kind's settings after its own checks: an address the outbound guard refuses answers 422
   * `url_not_allowed` on `body.settings.url`, like a webhook's URL.
   */
  private async checkSettings(kind: ConnectorRow['kind'], settings: unknown): Promise<unknown> {
    const check = await this.connectors[kind].validateSettings(settings);
    if (check.ok) return check.settings;
    const [first] = check.problems;
    const code = check.notAllowed ? 'url_not_allowed' : 'validation_failed';
    throw new AppError(code, first?.message ?? 'These settings cannot be used', {
      errors: check.problems.map((problem) => ({
        path: `body.settings.${problem.field}`,
        message: problem.message,
        code: problem.code,
      })),
    });
  }
}

/** A stored connector's settings and decrypted secret, as a connector takes them. */
export function connectorCredentials(row: ConnectorRow, secretBox: SecretBox): ConnectorCredentials<unknown> {
  return {
    id: row.id,
    settings: JSON.parse(row.settings) as unknown,
    secret: secretBox.open(row.secret_encrypted),
  };
}

function newSecret(): string {
  return `${CONNECTOR_SECRET_PREFIX}${randomToken(32)}`;
}

/** The API shape of a row: settings and channels parsed, the secret left out. */
export function toConnector(row: ConnectorRow): Connector {
  return {
    id: row.id,
    business_id: row.business_id,
    kind: row.kind,
    name: row.name,
    settings: JSON.parse(row.settings) as Connector['settings'],
    channels: row.channels === null ? null : (JSON.parse(row.channels) as Connector['channels']),
    enabled: row.enabled === 1,
    created_by: row.created_by,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
