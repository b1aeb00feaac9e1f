/**
 * Excluded keywords ("no PHP", "on-call"), matched as whole words: "java" must not leave out a
 * JavaScript job. Both sides go through `keywordWords`, so a keyword is saved as the phrase it
 * will be compared as, and a job is read once into the set of phrases it contains; fan-out
 * then compares the two sets in SQL (array overlap, parameterised) and never runs a pattern
 * built from user text.
 */

/** The longest keyword, in words: a job's phrases are built up to this length. */
export const KEYWORD_MAX_WORDS = 3;

/**
 * A word is letters and digits, with inner `.`, `+`, `#`, `-`, `'` kept ("node.js", "c++",
 * "c#", "on-call") and trailing `+`/`#` kept ("c++", "c#"); other punctuation separates.
 */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}.+#'’-]*[\p{L}\p{N}+#])?/gu;

/** The words of a text, lower-cased and NFKC-normalised, in order. */
export function keywordWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

/** A keyword as stored and compared: its words joined by one space; '' when it has none. */
export function normalizeKeyword(keyword: string): string {
  return keywordWords(keyword).join(' ');
}

/**
 * Every phrase of one to KEYWORD_MAX_WORDS consecutive words of the texts (title and
 * description), without repeats: a keyword is in the job when it is one of them.
 * Phrases do not run from one text into the next.
 */
export function keywordPhrases(...texts: string[]): string[] {
  const phrases = new Set<string>();
  for (const text of texts) {
    const words = keywordWords(text);
    for (let start = 0; start < words.length; start += 1) {
      let phrase = '';
      for (let length = 1; length <= KEYWORD_MAX_WORDS && start + length <= words.length; length += 1) {
        phrase = length === 1 ? (words[start] as string) : `${phrase} ${words[start + length - 1] as string}`;
        phrases.add(phrase);
      }
    }
  }
  return [...phrases];
}
