import { builtinModules } from 'node:module';

const BUILTINS = new Set(builtinModules);
// `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`, `require('x')`, `require.resolve('x')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport(?:\s+|\s*\(\s*)|\brequire(?:\.resolve)?\s*\(\s*)['"]([^'"\n]+)['"]/g;

/** The packages a source text imports (the package name of each bare specifier; no builtins, no relative paths). */
export function importedPackages(text: string): Set<string> {
  const packages = new Set<string>();
  // Comments name packages in prose ("import the package entry point (@jobping/<name>)").
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const [, specifier] of code.matchAll(SPECIFIER)) {
    if (!specifier || specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier.startsWith('virtual:')) continue;
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
    if (BUILTINS.has(name)) continue;
    packages.add(name);
  }
  return packages;
}
