import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * What loading a compiled module loads before any of its code runs: its static imports, followed through our own
 * files. Dynamic `import()` is left out, since that loads only when the code reaching it runs.
 * Our files come back relative to `root`, packages by name ('node:' built-ins left out).
 */
export function staticImports(entry: string, root: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const spec = statement.moduleSpecifier;
      if (!spec || !ts.isStringLiteral(spec)) continue;
      if (spec.text.startsWith('.')) visit(resolve(dirname(file), spec.text));
      else if (!spec.text.startsWith('node:')) packages.add(packageName(spec.text));
    }
  };
  visit(resolve(entry));
  return { files: [...files].map((f) => relative(root, f)).sort(), packages: [...packages].sort() };
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}
