import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImports, importSpecifiers, importTarget, readSources } from './import-boundaries.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('import boundaries', () => {
  it('holds across the repository', () => {
    const violations = checkImports(readSources(ROOT, ['src']));
    expect(violations.map((v) => `${v.file} imports ${v.specifier}: ${v.rule}. ${v.why}`)).toEqual([]);
  });

  it('reads static, side-effect, re-export, type and dynamic imports, and skips comments', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '#shared/b.js';",
      'import {',
      '  c,',
      "} from '../c.js';",
      "import './styles.css';",
      "export { d } from './d.js';",
      "const e = await import('#web/e.js');",
      "// import { f } from './f.js';",
      "/* import { g } from './g.js'; */",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual([
      './a.js',
      '#shared/b.js',
      '../c.js',
      './d.js',
      './styles.css',
      '#web/e.js',
    ]);
  });

  it('resolves relative and subpath imports to the same repository path', () => {
    expect(importTarget('src/server/services/inbox/x.ts', '../../routes/y.js')).toBe(
      'src/server/routes/y.ts',
    );
    expect(importTarget('src/server/services/inbox/x.ts', '#server/routes/y.js')).toBe(
      'src/server/routes/y.ts',
    );
    expect(importTarget('src/web/features/inbox/x.tsx', 'react-dom/client')).toBe('react-dom/client');
  });

  it.each([
    [
      'src/web/features/inbox/components/list.tsx',
      "import { x } from '../../content/api.js';",
      'web features',
    ],
    ['src/web/features/inbox/list.tsx', "import { x } from '#web/features/content/api.js';", 'web features'],
    ['src/shared/x.ts', "import { readFile } from 'node:fs';", 'shared code'],
    ['src/shared/x.ts', "import type { Db } from '#server/db/database.js';", 'shared code'],
    ['src/web/lib/x.ts', "import type { Config } from '../../server/config/config.js';", 'web app'],
    ['src/server/services/inbox/x.ts', "import type { FastifyInstance } from 'fastify';", 'know no HTTP'],
    [
      'src/server/services/inbox/x.ts',
      "import { authRoutes } from '#server/routes/auth.routes.js';",
      'know no HTTP',
    ],
    ['src/server/repositories/x.ts', "import { y } from '../services/common/cursor.js';", 'SQL only'],
    ['src/server/jobs/x.ts', "import { main } from '../main.js';", 'registers routes'],
    ['src/mcp/x.ts', "import { openDatabase } from '#server/db/database.js';", 'HTTP API only'],
    ['src/mcp/tools/x.ts', "import { Kysely } from 'kysely';", 'HTTP API only'],
    ['src/server/app.ts', "import { createMcpServer } from '#mcp/server.js';", 'MCP server'],
    ['src/shared/x.ts', "import { x } from '../mcp/x.js';", 'shared code'],
  ])('catches %s importing across a boundary', (file, source, rule) => {
    const violations = checkImports(new Map([[file, source]]));
    expect(violations.map((v) => v.rule).join(' | ')).toContain(rule);
  });

  it.each([
    ['src/web/features/inbox/components/list.tsx', "import { x } from '../api.js';"],
    ['src/web/features/inbox/list.tsx', "import { Button } from '#web/components/ui/button.js';"],
    [
      'src/server/routes/inbox.routes.ts',
      "import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';",
    ],
    ['src/server/app.ts', "import { registerApiRoutes } from './routes/index.js';"],
    ['src/shared/x.ts', "import { z } from 'zod';"],
    ['src/mcp/tools/content.tools.ts', "import { contentItemSchema } from '#shared/content.schema.js';"],
    ['src/cli/commands/mcp.command.ts', "import { runMcp } from '#mcp/run.js';"],
  ])('lets %s import within its layer', (file, source) => {
    expect(checkImports(new Map([[file, source]]))).toEqual([]);
  });
});
