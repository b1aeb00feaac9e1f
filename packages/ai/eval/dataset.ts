// The match-quality evaluation set: hand-written (posting, prompt) pairs labelled by a careful
// recruiter's reading of the text (see eval/README.md). This module is its one schema and
// loader; the bench (`npm run bench -- quality`) and the set's own test read it through here.
import { describeIssues } from '@jobping/contracts';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { jobInputSchema } from '../src/inputs';

export const SPLITS = ['dev', 'test'] as const;
export type SplitName = (typeof SPLITS)[number];

/** `dev-…` / `test-…`: an id says which split it belongs to, so a leak is visible in a diff. */
const idIn = (split: SplitName) =>
  z.string().regex(new RegExp(`^${split}-[a-z0-9]+(-[a-z0-9]+)*$`), `an id of the ${split} split: "${split}-" then lowercase words joined by "-"`);

export const SECTORS = ['software', 'non_software'] as const;
export type Sector = (typeof SECTORS)[number];

export const LABELS = ['ping', 'no', 'ambiguous'] as const;
export type Label = (typeof LABELS)[number];

const profileSchemaFor = (split: SplitName) =>
  z.strictObject({
    id: idIn(split),
    /** Groups the per-profession table, e.g. "Nursing", "Backend engineering". */
    profession: z.string().trim().min(2).max(60),
    sector: z.enum(SECTORS),
    /** What the user typed, exactly as they would (typos and non-native phrasing included). */
    prompt: z.string().trim().min(10).max(4_000),
    /** The threshold this user would pick in the app (70 is the app's default). */
    threshold: z.number().int().min(0).max(100).default(70),
    /** How the prompt is written: terse, long, non-native… */
    style: z.string().trim().min(3).max(200),
  });

/** A posting as the AI package reads it (`jobInputSchema`), plus its id. */
const postingSchemaFor = (split: SplitName) => jobInputSchema.extend({ id: idIn(split) }).strict();

const labelSchemaFor = (split: SplitName) =>
  z.strictObject({
    profile: idIn(split),
    posting: idIn(split),
    label: z.enum(LABELS),
    /** One line: why a careful recruiter would (not) send it, from the text alone. */
    reason: z.string().trim().min(10).max(300),
  });

export type EvalProfile = z.output<ReturnType<typeof profileSchemaFor>>;
export type EvalPosting = z.output<ReturnType<typeof postingSchemaFor>>;
export type EvalLabel = z.output<ReturnType<typeof labelSchemaFor>>;

/** One labelled pair with its profile and posting resolved. */
export interface EvalPair {
  /** `<profile id>/<posting id>` */
  id: string;
  profile: EvalProfile;
  posting: EvalPosting;
  label: Label;
  reason: string;
}

export interface EvalSplit {
  split: SplitName;
  profiles: EvalProfile[];
  postings: EvalPosting[];
  pairs: EvalPair[];
}

export class EvalSetError extends Error {
  override readonly name = 'EvalSetError';
}

/** packages/ai/eval, found from this file whether it runs from source or from dist/bench. */
export function defaultEvalDir(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new EvalSetError(`No package.json above ${from}: pass the eval directory explicitly`);
    dir = parent;
  }
  return path.join(dir, 'eval');
}

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new EvalSetError(`${file} is missing: every split needs profiles.json, postings.json and labels.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new EvalSetError(`${file} is not valid JSON (${(error as Error).message}): fix the file`);
  }
}

function parseFile<S extends z.ZodType>(file: string, schema: S): z.output<S>[] {
  const result = z.array(schema).min(1).safeParse(readJson(file));
  if (!result.success) throw new EvalSetError(`${file}: ${describeIssues(result.error)}`);
  return result.data;
}

function indexById<T extends { id: string }>(file: string, items: T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) {
    if (byId.has(item.id)) throw new EvalSetError(`${file}: the id ${item.id} appears twice; ids must be unique`);
    byId.set(item.id, item);
  }
  return byId;
}

/** Reads and checks one split: schemas, unique ids, every label pointing at an existing profile and posting, no pair labelled twice. */
export function loadSplit(split: SplitName, dir: string = defaultEvalDir()): EvalSplit {
  const file = (name: string) => path.join(dir, split, name);
  const profiles = parseFile(file('profiles.json'), profileSchemaFor(split));
  const postings = parseFile(file('postings.json'), postingSchemaFor(split));
  const labels = parseFile(file('labels.json'), labelSchemaFor(split));
  const profileById = indexById(file('profiles.json'), profiles);
  const postingById = indexById(file('postings.json'), postings);

  const pairs: EvalPair[] = [];
  const seen = new Set<string>();
  for (const entry of labels) {
    const profile = profileById.get(entry.profile);
    const posting = postingById.get(entry.posting);
    if (!profile) throw new EvalSetError(`${file('labels.json')}: label ${entry.profile}/${entry.posting} names a profile that profiles.json does not have`);
    if (!posting) throw new EvalSetError(`${file('labels.json')}: label ${entry.profile}/${entry.posting} names a posting that postings.json does not have`);
    const id = `${profile.id}/${posting.id}`;
    if (seen.has(id)) throw new EvalSetError(`${file('labels.json')}: the pair ${id} is labelled twice; keep one label`);
    seen.add(id);
    pairs.push({ id, profile, posting, label: entry.label, reason: entry.reason });
  }
  return { split, profiles, postings, pairs };
}

/**
 * Both splits were written in parts (eval/README.md). Dev: a first round, then dev-b, dev-c, dev-d,
 * dev-e, dev-f, dev-g, dev-h and dev-i, each added to widen what dev had. Test: a first round, then
 * test-b and test-c, written by people who do not tune so that test keeps its share as dev grows.
 * A part's ids carry its prefix (`dev-b-…`, `test-b-…`); the first round's carry none.
 */
export const PARTS = {
  dev: ['first', 'dev-b', 'dev-c', 'dev-d', 'dev-e', 'dev-f', 'dev-g', 'dev-h', 'dev-i', 'dev-j', 'dev-k', 'dev-l', 'dev-m'],
  test: ['first', 'test-b', 'test-c', 'test-d', 'test-e'],
} as const satisfies Record<SplitName, readonly string[]>;
export const DEV_PARTS = PARTS.dev;
export type DevPart = (typeof PARTS.dev)[number];
export type TestPart = (typeof PARTS.test)[number];
export type Part = DevPart | TestPart;
/** Every part name, either split's, for an option's choices. */
export const ALL_PARTS: readonly Part[] = [...new Set<Part>([...PARTS.dev, ...PARTS.test])];

/** The part an id (of a profile or a posting) belongs to, within its split. */
export function partOf(id: string): Part {
  const prefixed = [...PARTS.dev, ...PARTS.test].find((part) => part !== 'first' && id.startsWith(`${part}-`));
  return prefixed ?? 'first';
}

/** The dev part an id belongs to. */
export function devPartOf(id: string): DevPart {
  const part = partOf(id);
  return (PARTS.dev as readonly string[]).includes(part) ? (part as DevPart) : 'first';
}

/**
 * One part of a split: its profiles' pairs (which may borrow another part's postings as natural
 * negatives) and the postings those pairs use.
 */
export function selectPart(split: EvalSplit, part: Part): EvalSplit {
  if (!(PARTS[split.split] as readonly string[]).includes(part)) {
    throw new EvalSetError(`The ${split.split} split has no part ${part} (its parts: ${PARTS[split.split].join(', ')})`);
  }
  const pairs = split.pairs.filter((pair) => partOf(pair.profile.id) === part);
  const used = new Set(pairs.map((pair) => pair.posting.id));
  return {
    split: split.split,
    profiles: split.profiles.filter((profile) => partOf(profile.id) === part),
    postings: split.postings.filter((posting) => used.has(posting.id)),
    pairs,
  };
}

/** Pairs that count in the metrics: `ambiguous` ones are left out (reasonable people differ). */
export function scoredPairs(split: EvalSplit): EvalPair[] {
  return split.pairs.filter((pair) => pair.label !== 'ambiguous');
}
