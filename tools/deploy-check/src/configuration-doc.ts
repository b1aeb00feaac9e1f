import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { appEnvSchemas, migrateEnvSchema, requiredVariables, usersCliEnvSchema } from './app-schemas';
import { ROOT, readRepoFile, repoPath } from './repo';

/**
 * docs/configuration.md, written from the zod schema each app validates its environment with:
 * the variables, their defaults and their `.describe()` texts. The schemas are the one source;
 * `pnpm docs:write` renders the page and deploy-check fails while the committed page differs.
 */
export const CONFIGURATION_DOC = 'docs/configuration.md';

type EnvSchema = z.ZodObject<z.ZodRawShape>;

interface DocumentedSchema {
  /** Heading of the app's section. */
  title: string;
  /** What runs with it, one sentence. */
  runs: string;
  schema: EnvSchema;
}

export interface Variable {
  name: string;
  /** As shown in the table (already in backticks where it is a value). */
  default: string;
  description: string;
  required: boolean;
}

/** What deploy-check checks the deployments against, plus the two command-line tools that run in them. */
export function documentedSchemas(): DocumentedSchema[] {
  const apps = Object.entries(appEnvSchemas).flatMap(([app, schema]) =>
    schema ? [{ title: app, runs: `\`apps/${app}\``, schema }] : [],
  );
  return [
    ...apps,
    { title: 'auth-api operator CLI', runs: '`pnpm jobping users promote|demote|list-admins` (`node dist/cli.js users …` in the auth-api image)', schema: usersCliEnvSchema },
    { title: 'database commands', runs: '`pnpm db:migrate|db:migrate:new|db:check|db:seed` and the migration image (`APP=db`)', schema: migrateEnvSchema },
  ];
}

/** zod 4 internals, read-only: the kind of a schema node and the parts of its definition we walk. */
interface Node {
  _zod: { def: { type: string; innerType?: Node; in?: Node; defaultValue?: unknown } };
}

/** The default the schema fills in when the variable is unset, if it has one. */
function defaultOf(field: Node): { value: unknown } | null {
  const def = field._zod.def;
  if (def.type === 'default' || def.type === 'prefault') return { value: def.defaultValue };
  if (def.type === 'pipe' && def.in) return defaultOf(def.in);
  if ((def.type === 'optional' || def.type === 'nullable') && def.innerType) return defaultOf(def.innerType);
  return null;
}

/** A variable that is only there to be refused (a renamed one): `z.undefined().optional()`. */
function mustStayUnset(field: Node): boolean {
  const def = field._zod.def;
  return def.type === 'optional' && def.innerType?._zod.def.type === 'undefined';
}

/** Paths inside the repository are shown relative to it: the schema resolves them on the machine it runs on. */
function showValue(value: unknown): string {
  if (value === '') return 'empty';
  if (typeof value === 'string' && path.isAbsolute(value) && value.startsWith(ROOT + path.sep)) return `\`${path.relative(ROOT, value)}\``;
  return `\`${String(value)}\``;
}

/**
 * The texts double as the "expected …" of start-up errors, so they name the default and the
 * type; in the table the default has its own column and shows the type.
 */
function withoutDefault(description: string): string {
  return description
    .replace(/\s*\(default[^()]*\)/g, '')
    .replace(/: (a positive integer|true or false)$/, '');
}

export function describeVariables(schema: EnvSchema): Variable[] {
  const required = new Set(requiredVariables(schema));
  return Object.entries(schema.shape).map(([name, field]) => {
    const node = field as unknown as Node;
    const fallback = defaultOf(node);
    const description = ((field as z.ZodType).description ?? '').trim();
    return {
      name,
      default: mustStayUnset(node) ? 'must stay unset' : fallback ? showValue(fallback.value) : required.has(name) ? '—' : 'unset',
      description: fallback ? withoutDefault(description) : description,
      required: required.has(name),
    };
  });
}

/** Variables of the documented schemas without a `.describe()` text, as `app: VARIABLE`. */
export function undescribedVariables(): string[] {
  return documentedSchemas().flatMap(({ title, schema }) =>
    describeVariables(schema)
      .filter((variable) => variable.description === '')
      .map((variable) => `${title}: ${variable.name}`),
  );
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const anchor = (title: string) => title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
const sameVariable = (a: Variable, b: Variable) => a.default === b.default && a.description === b.description && a.required === b.required;

function table(rows: Variable[], extra?: { heading: string; value: (variable: Variable) => string }): string[] {
  const head = ['variable', 'default', 'description', 'required in production', ...(extra ? [extra.heading] : [])];
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((variable) =>
      `| ${[`\`${variable.name}\``, variable.default, cell(variable.description), variable.required ? 'yes' : '', ...(extra ? [extra.value(variable)] : [])].join(' | ')} |`,
    ),
  ];
}

export function renderConfigurationDoc(): string {
  const sections = documentedSchemas().map((entry) => ({ ...entry, variables: describeVariables(entry.schema) }));
  // A variable read the same way (same default, same text) by several apps is described once.
  const readers = new Map<string, { variable: Variable; titles: string[]; same: boolean }>();
  for (const { title, variables } of sections) {
    for (const variable of variables) {
      const seen = readers.get(variable.name);
      if (!seen) readers.set(variable.name, { variable, titles: [title], same: true });
      else {
        seen.titles.push(title);
        seen.same &&= sameVariable(seen.variable, variable);
      }
    }
  }
  const shared = [...readers.values()].filter((entry) => entry.titles.length > 1 && entry.same);
  const sharedNames = new Set(shared.map((entry) => entry.variable.name));

  const lines = [
    '# Configuration',
    '',
    '<!-- Written by `pnpm docs:write` from the zod schemas the apps validate their environment with',
    '     (apps/*/src/config.ts and the schemas they extend). Edit a `.describe()` text there, then run',
    '     `pnpm docs:write`; deploy-check fails while this page is stale. -->',
    '',
    'Every service validates its environment with zod at start-up and stops with one line naming',
    'any missing or malformed variable. `npm start` and `npm test` read `.env` when present (copy',
    '`.env.example`) and supply development values for `DATABASE_URL`, `REDIS_URL` and `JWT_SECRET`;',
    'the variables of the scripts and dev servers themselves are in [contributing](contributing.md#variables-of-the-scripts-and-dev-servers).',
    'In production set `NODE_ENV=production` as well (the manifests and docker-compose.yml do); the',
    'Helm chart passes any variable below through `config.*` ([deploying](deploying.md#deploy-with-helm)).',
    '',
    '"required in production" marks what has no default: the service does not start without it.',
    '',
    `Per app: ${sections.map(({ title }) => `[${title}](#${anchor(title)})`).join(', ')}.`,
    '',
    '## Shared variables',
    '',
    'Read the same way by every app that lists them.',
    '',
    ...table(
      shared.map((entry) => entry.variable),
      { heading: 'read by', value: (variable) => (readers.get(variable.name)?.titles ?? []).join(', ') },
    ),
  ];
  for (const { title, runs, variables } of sections) {
    const own = variables.filter((variable) => !sharedNames.has(variable.name));
    const common = variables.filter((variable) => sharedNames.has(variable.name));
    lines.push('', `## ${title}`, '', `${runs}. Also reads the [shared variables](#shared-variables) ${common.map((variable) => `\`${variable.name}\``).join(', ')}.`);
    lines.push('', ...(own.length > 0 ? table(own) : ['Nothing of its own.']));
  }
  return `${lines.join('\n')}\n`;
}

export interface RenderedDoc {
  path: string;
  committed: string;
  rendered: string;
}

export function renderDocs(): RenderedDoc[] {
  let committed = '';
  try {
    committed = readRepoFile(CONFIGURATION_DOC);
  } catch {
    // Not written yet: the staleness test fails and says to run `pnpm docs:write`.
  }
  return [{ path: CONFIGURATION_DOC, committed, rendered: renderConfigurationDoc() }];
}

/** `pnpm docs:write`: the generated pages, brought up to date. */
export function writeDocs(): string[] {
  const changed = renderDocs().filter((doc) => doc.rendered !== doc.committed);
  for (const doc of changed) writeFileSync(repoPath(doc.path), doc.rendered);
  return changed.map((doc) => doc.path);
}
