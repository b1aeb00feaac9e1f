import { builtinModules } from 'node:module';
import ts from 'typescript';

const BUILTINS = new Set(builtinModules);

/**
 * The packages a source text imports: the package name of each bare specifier of `import`,
 * `export … from`, `import()`, `require()` and `require.resolve()`; no builtins, no relative paths.
 * TypeScript's own scanner reads the text, so specifiers inside strings and comments do not count.
 */
export function importedPackages(text: string): Set<string> {
  const packages = new Set<string>();
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const specifiers = [...importedFiles.map((file) => file.fileName), ...requireResolved(text)];
  for (const specifier of specifiers) {
    if (!specifier || specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier.startsWith('virtual:')) continue;
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
    if (BUILTINS.has(name)) continue;
    packages.add(name);
  }
  return packages;
}

/** `require.resolve('x')` names a package as surely as an import; ts.preProcessFile does not report it. */
function requireResolved(text: string): string[] {
  if (!text.includes('require.resolve')) return [];
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.getText(source) === 'require.resolve') {
      const [first] = node.arguments;
      if (first && ts.isStringLiteralLike(first)) found.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  const source = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true);
  visit(source);
  return found;
}
