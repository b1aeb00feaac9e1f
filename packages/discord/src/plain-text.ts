/**
 * Text shown by Discord exactly as written. Message content, embed titles, descriptions and
 * field names and values are rendered as Discord markdown, where job postings (anyone can post
 * to an open board) and the model's answer about them could otherwise place a masked link
 * (`[Apply here](https://…)`), a clickable URL, a mention pill (`<@…>`, `<@&…>`, `<#…>`,
 * `@everyone`) or formatting into our message.
 *
 * - Markdown characters are backslash-escaped; Discord's parser shows any escaped punctuation
 *   literally (`\[` is `[`). Line-start markers (`#` headings, `-#` subtext, `-` lists,
 *   `1.` numbered lists) are escaped where they open a line; elsewhere they are plain text.
 * - `scheme://` gets a zero-width space after the colon, so no client turns it into a link.
 * - `@everyone` / `@here` get a zero-width space after the `@`; `<@…>`-style mentions are
 *   already broken by the escaped `<`. (`allowed_mentions: { parse: [] }` stops pings anyway;
 *   this stops the text from looking like one.)
 * - Bidirectional overrides are removed, so text cannot be made to read differently than it is.
 */
export function plainText(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(INLINE_MARKDOWN, '\\$&')
    .replace(LINE_MARKERS, (_all, indent: string, marker: string) => `${indent}${marker.replace(/[#.-]/g, '\\$&')}`)
    .replace(URL_SCHEME, `:${ZERO_WIDTH_SPACE}//`)
    .replace(MASS_MENTIONS, `@${ZERO_WIDTH_SPACE}$1`);
}

const ZERO_WIDTH_SPACE = '\u200b';
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** Characters that format, link, quote or mention wherever they stand (the backslash first of all). */
// Parentheses are left alone: with both brackets escaped, `[text](url)` is no masked link, and
// job titles are full of them ("Senior Backend Engineer (TypeScript)").
const INLINE_MARKDOWN = /[\\*_~|`[\]<>]/g;
/** `#`–`###` headings, `-#` subtext, `-` bullets and `1.` numbered lists open a line. (`*` and `>` are escaped above.) */
const LINE_MARKERS = /^([ \t]*)(-#|#+|-|\d+\.)/gm;
const URL_SCHEME = /:\/\//g;
const MASS_MENTIONS = /@(everyone|here)/gi;
