import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The layering rules, checked over the resolved imports of every file under src/ and adapters/: static,
 * type-only, dynamic and re-exports alike, read with the TypeScript parser rather than patterns.
 */

/** What one file reaches: a file in the tree (repo path), a package, a Node built-in, or process.env. */
export type Target =
  | { kind: 'file'; path: string }
  | { kind: 'package'; name: string }
  | { kind: 'builtin'; name: string }
  | { kind: 'env' }
  | { kind: 'computed' };

export interface Reach {
  target: Target;
  /** As written, for the report. */
  spec: string;
  line: number;
}

export interface Rule {
  name: string;
  /** Which files the rule holds for (repo paths, forward slashes). */
  applies: (file: string) => boolean;
  forbids: (t: Target) => boolean;
}

const under = (dir: string) => (path: string) => path.startsWith(`${dir}/`);
const fileUnder = (dir: string) => (t: Target) => t.kind === 'file' && under(dir)(t.path);
const pkg = (...names: string[]) => {
  const re = new RegExp(`^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(/|$)`);
  return (t: Target) => t.kind === 'package' && re.test(t.name);
};
const either =
  (...tests: ((t: Target) => boolean)[]) =>
  (t: Target) =>
    tests.some((f) => f(t));

const DRIVER = pkg('drizzle-orm', 'drizzle-kit', 'better-sqlite3', 'pg', 'postgres', '@electric-sql/pglite');
const SDK = pkg('@slack', 'discord.js', '@discordjs', 'node-cron');
const STORE = fileUnder('src/store');
const ADAPTERS = fileUnder('adapters');
const core = under('src/core');
const service = under('src/service');

export const RULES: Rule[] = [
  {
    name: 'the core imports nothing outside src/core (no store, service, scheduler, CLI, adapters or main)',
    applies: core,
    forbids: (t) => t.kind === 'file' && !core(t.path),
  },
  { name: 'the core imports no package (no driver, SDK or cron)', applies: core, forbids: (t) => t.kind === 'package' },
  { name: 'the core imports no Node built-in', applies: core, forbids: (t) => t.kind === 'builtin' },
  { name: 'the core never reads process.env', applies: core, forbids: (t) => t.kind === 'env' },
  { name: 'the core imports only what can be checked', applies: core, forbids: (t) => t.kind === 'computed' },
  { name: 'adapters import no store module', applies: under('adapters'), forbids: STORE },
  { name: 'adapters import no database driver', applies: under('adapters'), forbids: DRIVER },
  {
    name: 'adapters read files only through the service (service.input), never src/input or its packages',
    applies: under('adapters'),
    forbids: either(fileUnder('src/input'), pkg('tesseract.js', 'postal-mime', '@tesseract.js-data')),
  },
  {
    name: 'Slack never imports Discord',
    applies: under('adapters/slack'),
    forbids: either(fileUnder('adapters/discord'), pkg('discord.js', '@discordjs')),
  },
  {
    name: 'Discord never imports Slack',
    applies: under('adapters/discord'),
    forbids: either(fileUnder('adapters/slack'), pkg('@slack')),
  },
  {
    name: 'the scheduler reaches data only through the service',
    applies: under('src/scheduler'),
    forbids: either(STORE, DRIVER, ADAPTERS, fileUnder('src/cli')),
  },
  {
    name: 'the service imports no adapter, SDK, store or driver (only its own ports)',
    applies: service,
    forbids: either(ADAPTERS, SDK, STORE, DRIVER, fileUnder('src/scheduler'), fileUnder('src/cli')),
  },
  {
    name: 'the service never imports the file readers (src/input): the composition root hands them in',
    applies: service,
    forbids: fileUnder('src/input'),
  },
  {
    name: 'the file readers import only packages, built-ins, the core and the port the service owns',
    applies: under('src/input'),
    forbids: (t) =>
      t.kind === 'file' && !core(t.path) && !under('src/input')(t.path) && t.path !== 'src/service/input-service.ts',
  },
  {
    name: 'the store imports only the core and the ports the service owns',
    applies: under('src/store'),
    forbids: (t) =>
      t.kind === 'file' && !core(t.path) && !under('src/store')(t.path) && t.path !== 'src/service/ports.ts',
  },
];

/** Every source file under src/ and adapters/, as repo paths. */
export function sourceFiles(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = join(dir, e.name);
      if (e.isDirectory()) return walk(full);
      return /\.[cm]?[jt]sx?$/.test(e.name) ? [full] : [];
    });
  return ['src', 'adapters']
    .filter((d) => existsSync(join(root, d)))
    .flatMap((d) => walk(join(root, d)))
    .map((f) => toRepoPath(root, f))
    .sort();
}

/** Everything a file reaches, resolved against the tree at root. */
export function reachOf(root: string, file: string): Reach[] {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Reach[] = [];
  const line = (n: ts.Node) => source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1;
  const add = (spec: string, node: ts.Node) =>
    out.push({ target: resolveSpec(root, file, spec), spec, line: line(node) });
  const literal = (n: ts.Node | undefined) =>
    n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined;
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const spec = literal(node.moduleSpecifier);
      if (spec !== undefined) add(spec, node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const spec = literal(node.moduleReference.expression);
      if (spec !== undefined) add(spec, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const spec = literal(node.argument.literal);
      if (spec !== undefined) add(spec, node);
    } else if (ts.isCallExpression(node) && isImportOrRequire(node)) {
      const spec = literal(node.arguments[0]);
      if (spec !== undefined) add(spec, node);
      else out.push({ target: { kind: 'computed' }, spec: node.getText(source).slice(0, 60), line: line(node) });
    } else if (readsEnv(node)) {
      out.push({ target: { kind: 'env' }, spec: node.getText(source).slice(0, 60), line: line(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function isImportOrRequire(call: ts.CallExpression): boolean {
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  return ts.isIdentifier(call.expression) && call.expression.text === 'require';
}

const isProcess = (e: ts.Expression): boolean =>
  (ts.isIdentifier(e) && e.text === 'process') ||
  (ts.isPropertyAccessExpression(e) && e.name.text === 'process' && ts.isIdentifier(e.expression));

/** `process.env`, `process['env']`, and `const { env } = process`. */
function readsEnv(node: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(node)) return node.name.text === 'env' && isProcess(node.expression);
  if (ts.isElementAccessExpression(node)) {
    const key = node.argumentExpression;
    return (
      isProcess(node.expression) &&
      (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) &&
      key.text === 'env'
    );
  }
  if (ts.isVariableDeclaration(node) && node.initializer && isProcess(node.initializer)) {
    return (
      ts.isObjectBindingPattern(node.name) &&
      node.name.elements.some((e) => (e.propertyName ?? e.name).getText() === 'env')
    );
  }
  return false;
}

/** A specifier as the file system and Node see it: `./x.js` is `./x.ts` in the sources. */
export function resolveSpec(root: string, file: string, spec: string): Target {
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const abs = resolve(root, dirname(file), spec);
    return { kind: 'file', path: toRepoPath(root, findSource(abs)) };
  }
  const name = spec.startsWith('node:') ? spec.slice(5) : spec;
  if (spec.startsWith('node:') || builtinModules.includes(name.split('/')[0] ?? name)) return { kind: 'builtin', name };
  return { kind: 'package', name: spec };
}

function findSource(abs: string): string {
  const swaps: [RegExp, string][] = [
    [/\.js$/, '.ts'],
    [/\.js$/, '.tsx'],
    [/\.mjs$/, '.mts'],
    [/\.cjs$/, '.cts'],
  ];
  const candidates = [
    ...swaps.filter(([re]) => re.test(abs)).map(([re, ext]) => abs.replace(re, ext)),
    abs,
    `${abs}.ts`,
    join(abs, 'index.ts'),
  ];
  // A missing file still resolves to where it would be, so a rule on its folder applies.
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? abs;
}

function toRepoPath(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

/** One line per broken rule: file, line, what it reaches and which rule that breaks. */
export function checkTree(root: string, rules: readonly Rule[] = RULES): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles(root)) {
    const relevant = rules.filter((r) => r.applies(file));
    if (relevant.length === 0) continue;
    for (const reach of reachOf(root, file)) {
      for (const rule of relevant) {
        if (rule.forbids(reach.target)) problems.push(`${file}:${reach.line} ${describe(reach)}: ${rule.name}`);
      }
    }
  }
  return problems;
}

function describe(r: Reach): string {
  const t = r.target;
  if (t.kind === 'file') return `imports ${t.path} ("${r.spec}")`;
  if (t.kind === 'env') return `reads process.env (${r.spec})`;
  if (t.kind === 'computed') return `imports a computed module (${r.spec})`;
  return `imports ${t.kind === 'builtin' ? 'the built-in' : 'the package'} ${t.name}`;
}
