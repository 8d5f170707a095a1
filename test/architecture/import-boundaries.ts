import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The layering rules of docs/architecture.md, each said once. A rule names the files it applies to and
 * what they may not import; `checkImports` lists every import that breaks one.
 *
 * Targets are repository paths (`src/server/routes/`) for our own modules, whatever way the import is
 * written (relative or `#shared/…`, `#server/…`, `#web/…`), and package names for the rest.
 */
export interface BoundaryRule {
  name: string;
  /** Path prefixes of the importing files; a `(feature)` segment captures a folder name for `forbid`. */
  appliesTo: string[];
  /** Path prefixes of importers the rule skips. */
  except?: string[];
  /** Forbidden targets: repository path prefixes, package names, or `node:` for Node's built-ins. */
  forbid: (captured: string | undefined) => string[];
  /** Targets allowed even though `forbid` matches them. */
  allow?: (captured: string | undefined) => string[];
  why: string;
}

const BELOW_HTTP = [
  'src/server/services/',
  'src/server/repositories/',
  'src/server/db/',
  'src/server/ai/',
  'src/server/jobs/',
  'src/server/analytics/',
  'src/server/integrations/',
  'src/server/realtime/',
];

export const BOUNDARY_RULES: BoundaryRule[] = [
  {
    name: 'shared code runs in the browser and on the server',
    appliesTo: ['src/shared/'],
    forbid: () => [
      'src/server/',
      'src/web/',
      'src/cli/',
      'src/mcp/',
      'node:',
      'fastify',
      'kysely',
      'react',
      'temporal-polyfill/',
    ],
    why: 'src/shared imports only zod and temporal-polyfill’s main entry (which patches no globals).',
  },
  {
    name: 'the web app talks to the server over HTTP only',
    appliesTo: ['src/web/'],
    forbid: () => [
      'src/server/',
      'src/cli/',
      'src/mcp/',
      'node:',
      'fastify',
      'kysely',
      'pg',
      'better-sqlite3',
    ],
    why: 'The web app imports only src/shared from outside src/web.',
  },
  {
    name: 'web features do not import each other',
    appliesTo: ['src/web/features/(feature)/'],
    forbid: () => ['src/web/features/'],
    allow: (feature) => [`src/web/features/${feature}/`],
    why: 'Move shared code to src/web/lib or src/web/components, or compose features in src/web/app.',
  },
  {
    name: 'services and everything below them know no HTTP',
    appliesTo: BELOW_HTTP,
    forbid: () => [
      'src/server/routes/',
      'src/server/plugins/',
      'src/server/app.ts',
      'src/server/main.ts',
      'src/server/composition-root.ts',
      'src/web/',
      'fastify',
      '@fastify/',
    ],
    why: 'Imports point downwards: routes → services → repositories → db.',
  },
  {
    name: 'repositories hold SQL only',
    appliesTo: ['src/server/repositories/', 'src/server/db/'],
    forbid: () => ['src/server/services/', 'src/server/ai/', 'src/server/jobs/', 'src/server/integrations/'],
    why: 'Repositories never import services, jobs or integrations.',
  },
  {
    name: 'the typed client stands alone',
    appliesTo: ['src/client/'],
    forbid: () => ['src/', 'node:', 'fastify', 'zod'],
    allow: () => ['src/client/'],
    why: 'Integrators import src/client without the server: it uses openapi-fetch and its generated types only.',
  },
  {
    name: 'the MCP server reaches mcc through its HTTP API only',
    appliesTo: ['src/mcp/'],
    forbid: () => [
      'src/server/',
      'src/web/',
      'src/cli/',
      'fastify',
      '@fastify/',
      'kysely',
      'pg',
      'better-sqlite3',
      'ioredis',
      'bullmq',
    ],
    why: 'src/mcp calls a running instance with a workspace API key, so roles, budgets and the audit log apply as for any API client; it imports src/shared, the MCP SDK and Node only.',
  },
  {
    name: 'the server does not depend on the MCP server',
    appliesTo: ['src/server/'],
    forbid: () => ['src/mcp/'],
    why: 'The MCP server is a client of the API; only the CLI starts it.',
  },
  {
    name: 'only the app registers routes',
    appliesTo: ['src/server/', 'src/cli/'],
    except: ['src/server/app.ts', 'src/server/routes/'],
    forbid: () => ['src/server/routes/', 'src/server/main.ts'],
    why: 'Nothing imports routes or main except app.ts.',
  },
];

export interface BoundaryViolation {
  file: string;
  specifier: string;
  target: string;
  rule: string;
  why: string;
}

const SUBPATH_IMPORTS: Record<string, string> = {
  '#shared/': 'src/shared/',
  '#server/': 'src/server/',
  '#web/': 'src/web/',
  '#mcp/': 'src/mcp/',
};

/** The repository path (for our modules, `.ts` where the import says `.js`) or package name an import names. */
export function importTarget(importer: string, specifier: string): string {
  const alias = Object.keys(SUBPATH_IMPORTS).find((prefix) => specifier.startsWith(prefix));
  let target: string;
  if (alias) target = SUBPATH_IMPORTS[alias] + specifier.slice(alias.length);
  else if (specifier.startsWith('.')) target = path.posix.join(path.posix.dirname(importer), specifier);
  else return specifier;
  return target.replace(/\.js$/, '.ts');
}

/** The modules a TypeScript source imports or re-exports, statically or with `import()`. */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  const patterns = [
    /(?:^|[;}\s])(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|[;}\s])import\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1] as string);
  return found;
}

function captureOf(prefix: string, file: string): { matches: boolean; captured?: string } {
  const at = prefix.indexOf('(');
  if (at < 0) return { matches: file.startsWith(prefix) };
  const head = prefix.slice(0, at);
  if (!file.startsWith(head)) return { matches: false };
  const captured = file.slice(head.length).split('/')[0];
  return { matches: file.slice(head.length).includes('/'), ...(captured ? { captured } : {}) };
}

// A prefix, so `fastify` also covers `fastify-plugin` and `react` covers `react-dom`.
const targetMatches = (target: string, prefix: string) => target.startsWith(prefix);

/** Every import in `files` (repository path → source) that breaks a rule. */
export function checkImports(files: Map<string, string>, rules = BOUNDARY_RULES): BoundaryViolation[] {
  const violations: BoundaryViolation[] = [];
  for (const [file, source] of files) {
    const specifiers = importSpecifiers(source);
    for (const rule of rules) {
      if (rule.except?.some((prefix) => file.startsWith(prefix))) continue;
      const applies = rule.appliesTo.map((prefix) => captureOf(prefix, file)).find((c) => c.matches);
      if (!applies) continue;
      const forbidden = rule.forbid(applies.captured);
      const allowed = rule.allow?.(applies.captured) ?? [];
      for (const specifier of specifiers) {
        const target = importTarget(file, specifier);
        if (!forbidden.some((prefix) => targetMatches(target, prefix))) continue;
        if (allowed.some((prefix) => targetMatches(target, prefix))) continue;
        violations.push({ file, specifier, target, rule: rule.name, why: rule.why });
      }
    }
  }
  return violations;
}

/** The repository's TypeScript sources under `dirs`, keyed by their path from `root`. */
export function readSources(root: string, dirs: string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of dirs) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(root, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  }
  return files;
}
