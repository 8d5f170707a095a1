import path from 'node:path';
import type { Node, SourceFile } from 'typescript/unstable/ast';
import {
  isCallExpression,
  isIdentifier,
  isNoSubstitutionTemplateLiteral,
  isPropertyAccessExpression,
  isPropertyAssignment,
  isStringLiteral,
  isTemplateExpression,
} from 'typescript/unstable/ast/is';
import { inEachFile } from './project-files.js';

/**
 * Finds the messages the shared schemas write for people, so the web app's catalogue of field messages
 * (src/web/locales/<language>/validation.json) can be checked against them: a `message:` or `error:` given
 * as text (`{ message: 'Unknown time zone' }`, `ctx.addIssue({ message })`), and the text given to a zod
 * check (`.min(1, 'Pick an account')`, `.regex(pattern, 'A time as HH:MM')`). A template's `${…}` parts
 * become `{{}}`: `Use at most ${max} characters` → `Use at most {{}} characters`.
 */

/** zod's checks and refinements that take a message as their last argument. */
const CHECKS = new Set([
  'min',
  'max',
  'length',
  'gt',
  'gte',
  'lt',
  'lte',
  'regex',
  'refine',
  'nonempty',
  'startsWith',
  'endsWith',
  'includes',
  'email',
  'url',
  'uuid',
  'int',
  'positive',
  'nonnegative',
  'negative',
  'nonpositive',
  'multipleOf',
  'string',
  'number',
]);

const MESSAGE_PROPERTIES = new Set(['message', 'error']);

export interface SchemaMessage {
  file: string;
  line: number;
  /** The message, with `{{}}` where a template puts a value. */
  text: string;
}

function textOf(node: Node): string {
  return (node as Node & { text: string }).text;
}

/** The message a literal writes, or undefined when the node is not text. */
function messageOf(node: Node): string | undefined {
  if (isStringLiteral(node) || isNoSubstitutionTemplateLiteral(node)) return textOf(node);
  if (isTemplateExpression(node)) {
    return textOf(node.head) + node.templateSpans.map((span) => `{{}}${textOf(span.literal)}`).join('');
  }
  return undefined;
}

function findInFile(file: SourceFile, root: string): SchemaMessage[] {
  const found: SchemaMessage[] = [];
  const report = (node: Node) => {
    const text = messageOf(node);
    if (text === undefined || !/\p{L}{2,}/u.test(text)) return;
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push({ file: path.relative(root, file.fileName), line: line + 1, text });
  };
  const visit = (node: Node): void => {
    if (isPropertyAssignment(node) && isIdentifier(node.name) && MESSAGE_PROPERTIES.has(node.name.text)) {
      report(node.initializer);
    } else if (isCallExpression(node) && isPropertyAccessExpression(node.expression)) {
      const last = node.arguments[node.arguments.length - 1];
      if (CHECKS.has(node.expression.name.text) && last) report(last);
    }
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

/**
 * Every message written in `files` (absolute paths of .ts files in the project of `tsconfig`).
 *
 * @example findSchemaMessages('/repo/tsconfig.json', ['/repo/src/shared/business.schema.ts'])
 */
export function findSchemaMessages(tsconfig: string, files: readonly string[]): SchemaMessage[] {
  return inEachFile(tsconfig, files, findInFile);
}
