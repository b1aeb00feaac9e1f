import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type * as Wasm from '@prisma/schema-engine-wasm';

export type SchemaEngine = Wasm.SchemaEngine;
export type MigrationList = Wasm.MigrationList;
export type SchemaFilter = Wasm.SchemaFilter;

export const noFilters: SchemaFilter = { externalTables: [], externalEnums: [] };

let bindings: Promise<typeof Wasm> | undefined;

// @types/node 20 does not declare the WebAssembly global (it lives in lib.dom); this is the part we use.
interface WasmInstance {
  exports: Record<string, unknown>;
}
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: WasmInstance }>;
};

/**
 * Loads Prisma's schema engine compiled to WebAssembly. The package's ESM entry imports the
 * `.wasm` file directly, which Node 20 refuses, so the glue module is imported by path and
 * the module instantiated by hand (docs/contributing.md, "Working offline"). No native binary, no download.
 */
async function loadBindings(): Promise<typeof Wasm> {
  const packageDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const glue = (await import(pathToFileURL(path.join(packageDir, 'schema_engine_bg.js')).href)) as typeof Wasm & {
    __wbg_set_wasm(exports: WasmInstance['exports']): void;
  };
  const bytes = await readFile(path.join(packageDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

interface QueryResultLike {
  fields?: { dataTypeID: number }[];
}

function relabelCharColumns<R>(result: R): R {
  for (const field of (result as QueryResultLike | undefined)?.fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

/**
 * The engine's introspection queries return catalog columns of PostgreSQL's one-byte
 * `"char"` type (e.g. constraint kinds), which @prisma/adapter-pg 7.10 refuses to map
 * ("Column type 'char' could not be deserialized"). Its values are plain strings, so this
 * connection reports them as text. Used only for the migration commands.
 */
class MigrationClient extends pg.Client {
  // pg's query() has many overloads (promise and callback); both paths are relabelled.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => last(error, result && relabelCharColumns(result));
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    return (returned instanceof Promise ? returned.then(relabelCharColumns) : returned) as never;
  }
}

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every `;`, which cuts the
 * body of a PL/pgSQL function (our change-notification triggers) into broken statements.
 * PostgreSQL's simple query protocol takes the whole script at once — dollar quotes and
 * all — and runs it as one transaction, so a failing migration leaves nothing half-applied.
 */
function wholeScripts(adapter: PgAdapter): PgAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      (adapter as unknown as { onError(error: unknown): never }).onError(error);
    }
  };
  return adapter;
}

class MigrationPrismaPg extends PrismaPg {
  override async connect(): Promise<PgAdapter> {
    return wholeScripts(await super.connect());
  }

  override async connectToShadowDb(): Promise<PgAdapter> {
    return wholeScripts(await super.connectToShadowDb());
  }
}

export interface SchemaFile {
  path: string;
  content: string;
}

/**
 * Runs `fn` with a schema engine connected to `databaseUrl` through the pg driver adapter.
 * Diffing from a migrations folder replays them into this very database: connect it to a
 * scratch database for that (see withScratchDatabase).
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schemaFiles: readonly SchemaFile[],
  fn: (engine: SchemaEngine) => Promise<T>,
  log: (line: string) => void = () => undefined,
): Promise<T> {
  bindings ??= loadBindings();
  const { SchemaEngine } = await bindings;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, Client: MigrationClient, allowExitOnIdle: true });
  const adapter = bindMigrationAwareSqlAdapterFactory(new MigrationPrismaPg(pool, { disposeExternalPool: true }));
  const engine = await SchemaEngine.new(
    { datamodels: schemaFiles.map((file) => [file.path, file.content]) },
    (line: string) => log(line),
    adapter,
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await pool.end().catch(() => undefined);
  }
}
