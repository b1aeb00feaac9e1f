import { readFile } from 'node:fs/promises';
import { describeIssues, jobSourceSchema } from '@jobping/contracts';
import { z } from 'zod';
import type { JobSource, PrismaClient } from '@jobping/db';
import { FIXTURE_SOURCES_OFF } from '@jobping/sources';

/** A source as the seed file, the CLI and jobs-api take it: the shared per-type rules, plus a note for people. */
export const sourceInputSchema = jobSourceSchema({ note: z.string().optional().describe('free text for people reading the seed file') });

const seedFileSchema = z.strictObject({ sources: z.array(sourceInputSchema) });

export async function readSeedFile(file: string): Promise<z.output<typeof sourceInputSchema>[]> {
  const result = seedFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!result.success) throw new Error(`${file}: ${describeIssues(result.error)}`);
  return result.data.sources;
}

/** A checked source as a `job_sources` row. */
function sourceRow(s: z.output<typeof sourceInputSchema>) {
  return {
    type: s.type,
    identifier: s.identifier,
    searchTerms: s.search_terms,
    location: s.location ?? null,
    companyName: s.company_name ?? null,
    enabled: s.enabled,
  };
}

/** An error for a type this scraper does not run: unknown, or `fixture` while fixture sources are off. */
function unrunnableType(type: string, knownTypes: readonly string[]): Error {
  if (type === 'fixture') return new Error(FIXTURE_SOURCES_OFF);
  return new Error(`unknown source type "${type}" (known: ${knownTypes.join(', ')})`);
}

export interface SourcesSeedResult {
  added: number;
  /** Seed entries of types this scraper does not run here (fixture sources while they are off). */
  skipped: z.output<typeof sourceInputSchema>[];
}

/**
 * Inserts the seed's sources the table lacks; never changes existing rows (admins own them).
 * Fixture entries are skipped while fixture sources are off (production uses the same seed
 * file as the demo); any other unknown type is an error.
 */
export async function seedSources(prisma: PrismaClient, sources: readonly z.output<typeof sourceInputSchema>[], knownTypes: readonly string[]): Promise<SourcesSeedResult> {
  const unknown = sources.find((s) => !knownTypes.includes(s.type) && s.type !== 'fixture');
  if (unknown) throw unrunnableType(unknown.type, knownTypes);
  const wanted = sources.filter((s) => knownTypes.includes(s.type));
  const result = await prisma.jobSource.createMany({
    data: wanted.map(sourceRow),
    skipDuplicates: true,
  });
  return { added: result.count, skipped: sources.filter((s) => !knownTypes.includes(s.type)) };
}

/** Adds (or updates) one source from raw input, checked against its type's rules first. */
export async function addSource(prisma: PrismaClient, input: Record<string, unknown>, knownTypes: readonly string[]): Promise<JobSource> {
  const parsed = sourceInputSchema.safeParse(input);
  if (!parsed.success) throw new Error(`invalid source: ${describeIssues(parsed.error)}`);
  const s = parsed.data;
  if (!knownTypes.includes(s.type)) throw unrunnableType(s.type, knownTypes);
  return prisma.jobSource.upsert({
    where: { type_identifier: { type: s.type, identifier: s.identifier } },
    create: sourceRow(s),
    update: { searchTerms: s.search_terms, location: s.location ?? null, companyName: s.company_name ?? null, enabled: s.enabled },
  });
}

/** A source by its uuid or by `type:identifier`. */
export async function findSource(prisma: PrismaClient, ref: string): Promise<JobSource | null> {
  if (/^[0-9a-f-]{36}$/i.test(ref)) return prisma.jobSource.findUnique({ where: { id: ref } });
  const colon = ref.indexOf(':');
  if (colon < 1) return null;
  return prisma.jobSource.findUnique({ where: { type_identifier: { type: ref.slice(0, colon), identifier: ref.slice(colon + 1) } } });
}

export function listSources(prisma: PrismaClient): Promise<JobSource[]> {
  return prisma.jobSource.findMany({ orderBy: [{ type: 'asc' }, { identifier: 'asc' }] });
}
