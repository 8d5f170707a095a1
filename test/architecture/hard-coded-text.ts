import path from 'node:path';
import type { Node, SourceFile } from 'typescript/unstable/ast';
import { SyntaxKind } from 'typescript/unstable/ast';
import {
  isBinaryExpression,
  isCallExpression,
  isJsxAttribute,
  isJsxElement,
  isJsxExpression,
  isJsxFragment,
  isJsxSelfClosingElement,
  isJsxText,
  isNoSubstitutionTemplateLiteral,
  isStringLiteral,
  isTemplateExpression,
} from 'typescript/unstable/ast/is';
import { inEachFile } from './project-files.js';

/**
 * Finds words a person would read that are written into a component instead of coming from the
 * translations (src/web/locales): JSX text, and string literals given to the attributes that carry text.
 * A string passed to a function (`t('nav.inbox')`, `clsx('card', …)`) is not text on screen, so it is not
 * reported; nor are strings without a word in them (`✓`, `·`, `—`).
 */

/** Attributes whose value a person reads or hears: ours (`label`, `hint`…) and the DOM's. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'alt',
  'placeholder',
  'title',
  'label',
  'hint',
  'description',
  'subtitle',
  'confirmLabel',
]);

const COMPARISONS = new Set<SyntaxKind>([
  SyntaxKind.EqualsEqualsEqualsToken,
  SyntaxKind.ExclamationEqualsEqualsToken,
  SyntaxKind.EqualsEqualsToken,
  SyntaxKind.ExclamationEqualsToken,
]);

const WORD = /\p{L}{2,}/u;

export interface HardCodedText {
  file: string;
  line: number;
  text: string;
}

/** Literal strings in an expression, skipping function arguments and nested JSX (visited on its own). */
function literalsIn(node: Node, found: Node[]): void {
  if (isStringLiteral(node) || isNoSubstitutionTemplateLiteral(node)) {
    found.push(node);
    return;
  }
  if (isTemplateExpression(node)) {
    found.push(node.head, ...node.templateSpans.map((span) => span.literal));
    for (const span of node.templateSpans) literalsIn(span.expression, found);
    return;
  }
  if (isCallExpression(node) || isJsxElement(node) || isJsxSelfClosingElement(node) || isJsxFragment(node))
    return;
  // `kind === 'video'` compares a value; neither side is on screen.
  if (isBinaryExpression(node) && COMPARISONS.has(node.operatorToken.kind)) return;
  node.forEachChild((child) => {
    literalsIn(child, found);
  });
}

function textOf(node: Node): string {
  return (node as Node & { text: string }).text;
}

function findInFile(file: SourceFile, root: string): HardCodedText[] {
  const findings: HardCodedText[] = [];
  const report = (node: Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    findings.push({ file: path.relative(root, file.fileName), line: line + 1, text: text.trim() });
  };
  const reportLiterals = (expression: Node) => {
    const literals: Node[] = [];
    literalsIn(expression, literals);
    for (const literal of literals) if (WORD.test(textOf(literal))) report(literal, textOf(literal));
  };
  const visit = (node: Node): void => {
    if (isJsxText(node)) {
      if (WORD.test(node.text)) report(node, node.text);
    } else if (isJsxAttribute(node)) {
      const name = node.name.getText(file);
      if (TEXT_ATTRIBUTES.has(name) && node.initializer) reportLiterals(node.initializer);
    } else if (isJsxExpression(node) && (isJsxElement(node.parent) || isJsxFragment(node.parent))) {
      if (node.expression) reportLiterals(node.expression);
    }
    node.forEachChild(visit);
  };
  visit(file);
  return findings;
}

/**
 * Every hard-coded text in `files` (absolute paths of .tsx files in the project of `tsconfig`).
 *
 * @example findHardCodedText('/repo/tsconfig.web.json', ['/repo/src/web/app/layout/app-shell.tsx'])
 */
export function findHardCodedText(tsconfig: string, files: readonly string[]): HardCodedText[] {
  return inEachFile(tsconfig, files, findInFile);
}
