import type { FastifyInstance } from 'fastify';

/** The parts of an OpenAPI operation the contract tests read. */
export interface DocumentedOperation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{
    in: string;
    name: string;
    required?: boolean;
    schema?: { format?: string; type?: string; pattern?: string };
  }>;
  requestBody?: { required?: boolean; content: Record<string, { schema?: unknown }> };
  responses: Record<
    string,
    {
      description: string;
      content?: Record<
        string,
        { schema?: { allOf?: Array<{ properties?: { code?: { enum?: string[] } } }> } }
      >;
    }
  >;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; license?: unknown };
  servers?: Array<{ url: string }>;
  tags?: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, DocumentedOperation>>;
  webhooks?: Record<string, Record<string, DocumentedOperation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

/** The document as the app serves it at `/docs/json`. */
export async function servedDocument(app: FastifyInstance): Promise<OpenApiDocument> {
  const response = await app.inject({ url: '/docs/json' });
  if (response.statusCode !== 200) throw new Error(`/docs/json answered ${response.statusCode}`);
  return response.json<OpenApiDocument>();
}

/** Every operation with its method (lower case) and path. */
export function operationsOf(
  document: OpenApiDocument,
): Array<{ method: string; path: string; operation: DocumentedOperation }> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
  );
}

/** The problem codes an operation documents for a status (empty when the status is not documented). */
export function documentedCodes(operation: DocumentedOperation, status: number): string[] | undefined {
  const response = operation.responses[String(status)];
  if (!response) return undefined;
  const schema = response.content?.['application/problem+json']?.schema;
  return schema?.allOf?.flatMap((part) => part.properties?.code?.enum ?? []) ?? [];
}
