// Leave-profession-out: a profile's own role families taken out of the vocabulary while its
// pairs are scored, so it is read as a new user in a profession the rules have never seen.
import type { EvalPair } from '../../eval/dataset';
import { extractPromptSignals } from '../../src/providers/local/prompt-signals';
import { PROMPT_FAMILY_RULES, TITLE_FAMILY_RULES } from '../../src/providers/local/roles';

/** Runs `fn` with these families missing from both rule lists (the lists are restored after). */
export async function withoutFamilies<T>(families: readonly string[], fn: () => Promise<T>): Promise<T> {
  // The lists are read-only to the scorer; this reading alone edits them, in place, for a moment.
  const lists = [TITLE_FAMILY_RULES, PROMPT_FAMILY_RULES] as unknown as (readonly [string, ...unknown[]])[][];
  const saved = lists.map((list) => [...list]);
  for (const list of lists) list.splice(0, list.length, ...list.filter(([family]) => !families.includes(family)));
  try {
    return await fn();
  } finally {
    lists.forEach((list, index) => list.splice(0, list.length, ...saved[index]!));
  }
}

/** Pairs grouped by profile, in the order they come. */
export function byProfile(pairs: readonly EvalPair[]): EvalPair[][] {
  const groups = new Map<string, EvalPair[]>();
  for (const pair of pairs) groups.set(pair.profile.id, [...(groups.get(pair.profile.id) ?? []), pair]);
  return [...groups.values()];
}

/** Runs `fn` on each profile's pairs with that profile's own role families left out. */
export async function eachProfileLeftOut<T>(pairs: readonly EvalPair[], fn: (pairs: EvalPair[]) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (const group of byProfile(pairs)) results.push(await withoutFamilies(extractPromptSignals(group[0]!.profile.prompt).families, () => fn(group)));
  return results;
}
