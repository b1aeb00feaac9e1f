// Which spoken languages a posting requires, as its own words say: the one reader of it for the
// `jobs.languages` column (read once when a job is stored, like seniority and sponsorship), which
// fan-out compares with the languages a user works in. A language the posting calls "a plus"
// is not required; neither is one it only mentions.
//
// The local scorer (packages/ai, spoken-languages.ts) still has its own, older reading, tuned
// on the evaluation set; moving it onto this one is a change to measure with the quality bench.

/** ISO 639-1 codes of the languages these rules know, with the names postings use for them. */
const LANGUAGE_NAMES: readonly { code: string; names: RegExp }[] = [
  { code: 'en', names: /\b(english|englisch\w*|anglais|ingl[ée]s\w*|inglese|engels|angielsk\w*|angličtina|anglicky)\b/i },
  { code: 'de', names: /\b(german|deutsch(?!land)\w*|allemand|alem[áa]n|tedesco|duits|niemieck\w*)\b/i },
  { code: 'fr', names: /\b(french|franz[öo]sisch\w*|fran[çc]ais|franc[ée]s|francese|frans|francusk\w*)\b/i },
  { code: 'nl', names: /\b(dutch|nederlands\w*|niederl[äa]ndisch\w*|n[ée]erlandais|neerland[ée]s|olandese|holendersk\w*|flemish|vlaams)\b/i },
  { code: 'es', names: /\b(spanish|spanisch\w*|espagnol|espa[ñn]ol|castellano|spagnolo|spaans|hiszpa[ńn]sk\w*)\b/i },
  { code: 'it', names: /\b(italian|italienisch\w*|italiano|italiaans|w[łl]osk\w*)\b/i },
  { code: 'pl', names: /\b(polish|polnisch\w*|polonais|polaco|polacco|pools|polsk(?!a\b)\w*)\b/i },
  { code: 'pt', names: /\b(portuguese|portugiesisch\w*|portugais|portugu[ée]s|portoghese|portugees)\b/i },
  { code: 'ca', names: /\b(catalan|katalanisch\w*|catal[àa]n?)\b/i },
  { code: 'sv', names: /\b(swedish|schwedisch\w*|suédois|svenska)\b/i },
  { code: 'da', names: /\b(danish|dänisch\w*|danois|dansk)\b/i },
  { code: 'no', names: /\b(norwegian|norwegisch\w*|norvégien|norsk)\b/i },
  { code: 'fi', names: /\b(finnish|finnisch\w*|finnois|suomi)\b/i },
  { code: 'cs', names: /\b(czech|tschechisch\w*|tchèque|češtin\w*)\b/i },
  { code: 'ja', names: /\b(japanese|japanisch\w*|japonais)\b/i },
  { code: 'zh', names: /\b(mandarin|chinese|chinesisch\w*|chinois|cantonese)\b/i },
];
export const spokenLanguageCodes: readonly string[] = LANGUAGE_NAMES.map((language) => language.code);

/** Words that make a language named beside them a requirement ("fluent", "C1", "working language", "must"). */
const REQUIRED =
  /(\b(fluent(ly)?|fluency|native|c1|c2|required|requires?|requirement|must|mandatory|essential|proficien(t|cy)|business[- ]level|professional working|working language|speak(ing|er|ers)?|excellent|strong|verhandlungssicher\w*|flie(ß|ss)end\w*|muttersprach\w*|zwingend|voraus(gesetzt|setzung)?|arbeitssprache|sehr gute|vereist|vloeiend|uitstekend|perfect\w*|obligatoire|courant|couramment|exig\w*|ma[îi]trise|imprescindible|obligatorio|requerido|requiere|fluido|indispensable|obbligatori[oa]|richiest[oa]|correntemente|fluente|wymagan\w*|bilingual|bilingue|tweetalig|zweisprachig|biling[üu]e)\b|\b(bieg[łl]\w*))/i;

/** Words that make it a wish, not a requirement: they win over REQUIRED in the same clause. */
const OPTIONAL =
  /\b(nice to have|a plus|plus\b|an advantage|advantage|advantageous|optional|not (required|essential|necessary|needed|mandatory|a requirement)|no .{0,20}(required|needed)|welcome|helpful|bonus|valued|appreciated|encouraged|desirable|preferred|preferably|pluspunkt|von vorteil|w[üu]nschenswert|nicht (erforderlich|notwendig|zwingend)|un atout|atout|un plus|souhait\w*|apprécié\w*|valorable|se valora|valorará|gradit[oa]|pr[ée]f[ée]rable|mile widzian\w*|pluspunt|niet vereist|niet verplicht|een pluspunt)\b/i;

/** Sentences and clauses: "English-speaking team; no German needed" holds two statements. */
function clauses(title: string, description: string): string[] {
  return [title, ...description.split(/\n+|(?<=[.!?;])\s+|;\s*|\s+(?:but|aber|mais|pero|ma|maar)\s+/i)].filter((unit) => unit.trim() !== '');
}

/** ISO 639-1 codes of the spoken languages a posting requires, sorted; none when it requires none these rules know. */
export function parseLanguageRequirements(title: string, description: string): string[] {
  const found = new Set<string>();
  const read = (unit: string) => {
    if (!REQUIRED.test(unit) || OPTIONAL.test(unit)) return;
    for (const language of LANGUAGE_NAMES) if (language.names.test(unit)) found.add(language.code);
  };
  for (const unit of clauses(title, description)) {
    // Both a requirement and a wish: commas part them ("English is our working language, German a
    // plus"); a plain list ("English, German and French required") has no wish and stays whole.
    if (REQUIRED.test(unit) && OPTIONAL.test(unit)) unit.split(/,\s*/).forEach(read);
    else read(unit);
  }
  return [...found].sort();
}
