// Spoken languages: which ones a posting requires, and which ones a user cannot offer. A posting
// that requires fluent German is wrong for someone who wrote "I don't speak German" or "English
// only"; one that calls German "a plus" is not.

export const SPOKEN_LANGUAGES: readonly { id: string; label: string; names: RegExp }[] = [
  { id: 'english', label: 'English', names: /(?<![\p{L}])(english|englisch|anglais|ingl[ée]s|inglese|engels|angielsk\w*|angli[čc]tin\p{L}*|engleski\p{L}*|angol\p{L}*|englanti\p{L}*|αγγλικ\p{L}*)(?![\p{L}])/iu },
  { id: 'german', label: 'German', names: /(?<![\p{L}])(german|deutsch|allemand|alem[áa]n|tedesco|duits|niemieck\w*|n[ěe]m[čc]in\p{L}*|nem[čc]in\p{L}*|n[ěe]mecky|nemecky|njema[čc]k\p{L}*|nem[šs]k\p{L}*|n[ée]met\p{L}*|saksa\p{L}*|γερμανικ\p{L}*)(?![\p{L}])/iu },
  { id: 'french', label: 'French', names: /(?<![\p{L}])(french|franz[öo]sisch|fran[çc]ais|franc[ée]s|francese|frans|francuski|fr)(?![\p{L}])/iu },
  { id: 'dutch', label: 'Dutch', names: /(?<![\p{L}])(dutch|nederlands|niederl[äa]ndisch|n[ée]erlandais|neerland[ée]s|olandese|holendersk\w*|flemish|vlaams|nl)(?![\p{L}])/iu },
  { id: 'spanish', label: 'Spanish', names: /(?<![\p{L}])(spanish|spanisch|espagnol|espa[ñn]ol|castellano|spagnolo|spaans|hiszpa[ńn]sk\w*)(?![\p{L}])/iu },
  { id: 'italian', label: 'Italian', names: /(?<![\p{L}])(italian|italienisch|italien|italiano|italiaans|w[łl]osk\w*)(?![\p{L}])/iu },
  { id: 'polish', label: 'Polish', names: /(?<![\p{L}])(polish|polnisch|polonais|polaco|polacco|pools|polski|polskiego)(?![\p{L}])/iu },
  { id: 'portuguese', label: 'Portuguese', names: /(?<![\p{L}])(portuguese|portugiesisch|portugais|portugu[ée]s|portoghese|portugees)(?![\p{L}])/iu },
  { id: 'catalan', label: 'Catalan', names: /(?<![\p{L}])(catalan|katalanisch|catal[àa]n?|catal[àa])(?![\p{L}])/iu },
  { id: 'finnish', label: 'Finnish', names: /(?<![\p{L}])(finnish|finnisch|finnois|finland[ée]s|finlandese|fins(?!\s+de\b)|fi[ńn]sk\w*|suomi|suomen)(?![\p{L}])/iu },
  { id: 'arabic', label: 'Arabic', names: /(?<![\p{L}])(arabic|arabisch|arabe|[áa]rabe|arabo|arabsk\w*)(?![\p{L}])/iu },
  { id: 'russian', label: 'Russian', names: /(?<![\p{L}])(russian|russisch|russe|ruso|russo|russisch|rosyjsk\w*)(?![\p{L}])/iu },
  { id: 'turkish', label: 'Turkish', names: /(?<![\p{L}])(turkish|t[üu]rkisch|turc|turco|turks|tureck\w*)(?![\p{L}])/iu },
  { id: 'chinese', label: 'Chinese', names: /(?<![\p{L}])(chinese|mandarin|cantonese|chinesisch|chinois|chino|cinese|chinees|chi[ńn]sk\w*)(?![\p{L}])/iu },
  { id: 'greek', label: 'Greek', names: /(?<![\p{L}])(greek|griechisch|grec|griego|greco|grieks|greck\w*)(?![\p{L}])/iu },
  { id: 'hungarian', label: 'Hungarian', names: /(?<![\p{L}])(hungarian|ungarisch|hongrois|h[úu]ngaro|ungherese|hongaars|w[ęe]giersk\w*|magyar|ma[ďd]arsk\p{L}*|ma[ďd]ar[šs]tin\p{L}*)(?![\p{L}])/iu },
  { id: 'welsh', label: 'Welsh', names: /(?<![\p{L}])(welsh|cymraeg|walisisch|gallois)(?![\p{L}])/iu },
  { id: 'danish', label: 'Danish', names: /(?<![\p{L}])(danish|d[äa]nisch|danois|dan[ée]s|danese|deens|du[ńn]sk\w*|dansk)(?![\p{L}])/iu },
  { id: 'swedish', label: 'Swedish', names: /(?<![\p{L}])(swedish|schwedisch|su[ée]dois|sueco|svedese|zweeds|szwedzk\w*|svenska)(?![\p{L}])/iu },
  { id: 'norwegian', label: 'Norwegian', names: /(?<![\p{L}])(norwegian|norwegisch|norv[ée]gien|noruego|norvegese|noors|norwesk\w*|norsk)(?![\p{L}])/iu },
  { id: 'czech', label: 'Czech', names: /(?<![\p{L}])(czech|tschechisch|tch[èe]que|checo|ceco|tsjechisch|czesk\w*|[čc]e[šs]tina)(?![\p{L}])/iu },
  { id: 'slovak', label: 'Slovak', names: /(?<![\p{L}])(slovak|slowakisch|slovaque|eslovaco|slovacco|slowaaks|s[łl]owack\w*|sloven[čc]in\p{L}*|po slovensky)(?![\p{L}])/iu },
  { id: 'slovenian', label: 'Slovenian', names: /(?<![\p{L}])(slovenian|slovene|slowenisch|slov[èe]ne|esloveno|sloveno|sloveens|s[łl]owe[ńn]sk\w*|sloven[šs][čc]in\p{L}*|slovenski jezik|slovenskog jezika|slovenski)(?![\p{L}])/iu },
  { id: 'croatian', label: 'Croatian', names: /(?<![\p{L}])(croatian|kroatisch|croate|croata|kroatisch|chorwack\w*|hrvatsk\p{L}*)(?![\p{L}])/iu },
  { id: 'estonian', label: 'Estonian', names: /(?<![\p{L}])(estonian|estnisch|estonien|estonio|estone|ests|esto[ńn]sk\w*|eesti keel\p{L}*)(?![\p{L}])/iu },
  { id: 'bulgarian', label: 'Bulgarian', names: /(?<![\p{L}])(bulgarian|bulgarisch|bulgare|b[úu]lgaro|bulgaro|bulgaars|bu[łl]garsk\w*|български?)(?![\p{L}])/iu },
  { id: 'romanian', label: 'Romanian', names: /(?<![\p{L}])(romanian|rum[äa]nisch|roumain|rumano|rumeno|roemeens|rumu[ńn]sk\w*|rom[âa]n[ăa])(?![\p{L}])/iu },
];

const REQUIRED = /\b(podm[íi]nk\w*|podmienk\w*|obavez\w*|folyékony|elvárás|szükséges|plynul\w*|nutn\w*|vaaditaan|edellyt\w*|sujuv\w*|krav|kr[äæ]ves|kr[äæ]vs|flytande|flydende|flytende|obligatorisk|fluent|native|c1|c2|required|requires?|must|mandatory|essential|verhandlungssicher|flie[ßs]end|muttersprach|zwingend|vereist|vloeiend|perfect|obligatoire|courant|exig[ée]|imprescindible|obligatorio|requerido|indispensable|obbligatori[oa]|richiest[oa]|fluente|biegł|wymagan\w*|warunek konieczny|bilingual|bilingue|tweetalig|zweisprachig|bilingüe|ottim[ao] conoscenza|perfetta conoscenza|excellent (command|knowledge) of|excellente ma[îi]trise|sehr gute\w* \w*kenntnisse|dominio (del|de))\b/i;
const OPTIONAL = /\b((we )?(do|does) not require|don'?t require|not a requirement|no need for|nice to have|desirable|not essential|not mandatory|nicht (erforderlich|zwingend)|pas obligatoire|no (es )?imprescindible|non richiest[oa]|niet noodzakelijk|a plus|plus\b|an advantage|advantage|optional|not required|no .{0,20}required|welcome|helpful|bonus|pluspunkt|von vorteil|w[üu]nschenswert|un atout|atout|un plus|souhait[ée]|valorable|se valora|gradito|pre?ferred|pr[ée]f[ée]rable|mile widziane|pluspunt|niet vereist|niet verplicht|not needed|not necessary)\b/i;

/** Spoken languages the posting requires (named next to "fluent", "required", "C1"… and not "a plus"). */
export function requiredLanguages(title: string, description: string): string[] {
  const found = new Set<string>();
  // "na poziomie min. C1": an abbreviation's full stop does not end the sentence.
  const units = [title, ...description.split(/\n+|(?<![\s(](?:min|max|ca|np|approx|inkl|bzw|ggf|mín|máx|niv))(?<=[.!?;])\s+/i)];
  for (const [index, unit] of units.entries()) {
    // A language in the title is the job's ("Junior Accountant with German", "Intérprete de inglés y árabe").
    if (!(index === 0 || REQUIRED.test(unit)) || OPTIONAL.test(unit)) continue;
    for (const language of SPOKEN_LANGUAGES) if (language.names.test(unit)) found.add(language.id);
  }
  return [...found];
}

const WEAK = /\b(a1|a2|b1|basic|beginner|some|little|basis|basique|b[áa]sico|podstawow\w*|komunikatywn\w*|niet vloeiend|not fluent|learning|len trochu|trochu|kicsit|malo|v[äa]h[äa]n)\b/i;
// "Niemieckiego nie znam", "I don't speak German", "no hablo alemán": the language named in the same clause.
const DOES_NOT_SPEAK = /\b(nie znam|nie m[óo]wi[ęe]|don'?t speak|do not speak|can'?t speak|no hablo|non parlo|je ne parle pas|spreche kein|ik spreek geen|n[ãa]o falo|neum[íi]m|neovl[áa]dam|nehovor[íi]m|ne pri[čc]am|ne govorim|nem besz[ée]lek|en puhu)(?![\p{L}])/iu;
// "pas l'allemand", "german no", "Deutsch nein": a language named and refused in two words.
const REFUSED_NEXT_TO = (name: string) => new RegExp(String.raw`\b(pas (l'|le |la )?|not |no |kein |geen |nada de )${name}|${name}:?\s+(no|nope|non|nein|nee|nie)\b`, 'i');

/**
 * Languages the user cannot work in: named in a negation ("I don't speak German", "no jobs where
 * Dutch is required"), with a weak level ("my Dutch is A2", "Polish is basic"), or every language
 * but English when they write "English only" / "I only speak English".
 */
export function weakLanguages(prompt: string, negated: readonly string[]): { ids: string[]; allButEnglish: boolean } {
  const weak = new Set<string>();
  for (const phrase of negated) for (const language of SPOKEN_LANGUAGES) if (language.names.test(phrase) && language.id !== 'english') weak.add(language.id);
  for (const sentence of prompt.split(/(?<=[.!?;,])\s+|\n+/)) {
    if (DOES_NOT_SPEAK.test(sentence)) for (const language of SPOKEN_LANGUAGES) if (language.names.test(sentence) && language.id !== 'english') weak.add(language.id);
    for (const language of SPOKEN_LANGUAGES) {
      const named = language.names.exec(sentence)?.[0];
      if (named && language.id !== 'english' && REFUSED_NEXT_TO(named.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).test(sentence)) weak.add(language.id);
    }
    if (!WEAK.test(sentence)) continue;
    for (const language of SPOKEN_LANGUAGES) {
      const at = language.names.exec(sentence);
      // The level must sit next to the language: "my Dutch is A2", "Dutch only basic".
      // English only with a level written next to it ("Angielski komunikatywny (B1)"): "some English" is not a level.
      const near = sentence.slice(Math.max(0, at ? at.index - 25 : 0), at ? at.index + at[0].length + 25 : 0);
      if (at && WEAK.test(near) && (language.id !== 'english' || /\b(a1|a2|b1|komunikatywn\w*|podstawow\w*|basic|beginner)\b/i.test(near))) weak.add(language.id);
    }
  }
  const allButEnglish = /\b(english only|only (speak )?english|i only speak english|english[- ]speaking (teams? )?only|only english)\b/i.test(prompt);
  return { ids: [...weak], allButEnglish };
}

// Words only one of the users' languages uses often: a prompt with three of one language's is written in it.
/** The languages `text` is written in: those with at least `least` of their marker words (WRITTEN_IN) in it. */
export function writtenIn(text: string, least = 3): string[] {
  const words = new Set(text.toLowerCase().match(/[\p{L}']+/gu) ?? []);
  return Object.entries(WRITTEN_IN)
    .filter(([, markers]) => markers.filter((marker) => words.has(marker)).length >= least)
    .map(([id]) => id);
}

const WRITTEN_IN: Readonly<Record<string, readonly string[]>> = {
  english: ['the', 'and', 'with', 'looking', 'not', 'my', 'for', 'want', 'have', 'am'],
  german: ['ich', 'und', 'nicht', 'mit', 'für', 'eine', 'bitte', 'suche', 'keine', 'oder', 'habe'],
  french: ['je', 'et', 'pas', 'pour', 'avec', 'cherche', 'les', 'des', 'une', 'sur', 'suis'],
  spanish: ['y', 'los', 'las', 'con', 'para', 'busco', 'una', 'que', 'sin', 'pero', 'tengo'],
  italian: ['il', 'di', 'che', 'per', 'con', 'non', 'cerco', 'sono', 'una', 'ho', 'gli'],
  dutch: ['ik', 'en', 'het', 'een', 'niet', 'met', 'voor', 'geen', 'zoek', 'van', 'heb'],
  polish: ['nie', 'jest', 'się', 'szukam', 'jako', 'oraz', 'lub', 'mam', 'pracy', 'chcę'],
  portuguese: ['não', 'nao', 'uma', 'procuro', 'com', 'para', 'tenho', 'os', 'sou', 'em', 'quero', 'moro', 'estou', 'trabalho'],
  czech: ['jsem', 'hledám', 'hledam', 'práci', 'praci', 'nebo', 'mám', 'chci', 'není', 'jako', 'také', 'bydlím', 'bydlim', 'mzda', 'neumím'],
  slovak: ['som', 'hľadám', 'hladam', 'pracu', 'prácu', 'alebo', 'mam', 'chcem', 'byvam', 'bývam', 'len', 'plat'],
  croatian: ['sam', 'tražim', 'trazim', 'posao', 'ili', 'imam', 'želim', 'nije', 'godina', 'samo', 'plaća', 'placa'],
  slovenian: ['sem', 'iščem', 'delo', 'imam', 'želim', 'let', 'ali'],
  finnish: ['olen', 'haen', 'asun', 'työtä', 'ja', 'ei', 'myös', 'mutta', 'kokemusta', 'palkka', 'vähintään'],
  hungarian: ['vagyok', 'keresek', 'és', 'nem', 'munkát', 'szeretnék', 'van', 'fizetés'],
  greek: ['και', 'είμαι', 'ψάχνω', 'δουλειά', 'στη', 'με', 'για', 'δεν'],
  estonian: ['olen', 'otsin', 'tööd', 'ja', 'aga', 'ning'],
};

// "Inglese C1, francese B2", "I speak Dutch and English", "bilingual English", "Deutsch C1".
const SPOKEN_LEVEL = /\b(c1|c2|b2|fluent|native|bilingual|bilingue|mother tongue|muttersprach\w*|verhandlungssicher|flie[ßs]end|courant|madrelingua|nativ[oa]|vloeiend|moedertaal|biegł\w*|ojczysty)\b/i;
const SPEAK_VERB = /(?<![\p{L}])(i speak|speak|spreche|je parle|parle|parlo|hablo|falo|spreek|mówię|languages?:|sprachen:|langues?:|idiomas?:|lingue:|talen:|języki:|hovor[íi]m|mluv[íi]m|govorim|pri[čc]am|besz[ée]lek|puhun|r[äa][äa]gin)(?![\p{L}])/iu;

// The languages of the countries of the gazetteer (places.ts), for a user who lives there.
const COUNTRY_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  Germany: ['german'], Austria: ['german'], Switzerland: ['german', 'french', 'italian'], Netherlands: ['dutch'], Belgium: ['dutch', 'french'],
  Luxembourg: ['french', 'german'], France: ['french'], Spain: ['spanish', 'catalan'], Portugal: ['portuguese'], Italy: ['italian'], Poland: ['polish'],
  Canada: ['french'], Finland: ['finnish'], Hungary: ['hungarian'], Greece: ['greek'], Denmark: ['danish'], Sweden: ['swedish'], Norway: ['norwegian'], Czechia: ['czech'], Romania: ['romanian'],
};

/**
 * The languages a user says they work in — those they list with a good level or after "I speak",
 * English (the app's language), the ones the prompt is written in and those of the country they
 * live in — or null when the prompt lists none (then nothing is inferred).
 */
export function listedLanguages(prompt: string, homeCountries: readonly string[]): string[] | null {
  const listed = new Set<string>();
  for (const sentence of prompt.split(/(?<=[.!?;])\s+|\n+/)) {
    const speaks = SPEAK_VERB.test(sentence);
    for (const part of sentence.split(/,|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bi\b/)) {
      for (const language of SPOKEN_LANGUAGES) {
        if (language.id === 'french' && /\bfr\b/i.test(part) && !/\bfran/i.test(part)) continue;
        if (language.id === 'dutch' && /\bnl\b/i.test(part) && !/\b(dutch|neder|niederl|flem|vlaams)/i.test(part)) continue;
        if (!language.names.test(part) || WEAK.test(part)) continue;
        if (speaks || SPOKEN_LEVEL.test(part)) listed.add(language.id);
      }
    }
  }
  if (listed.size === 0) return null;
  listed.add('english');
  for (const country of homeCountries) for (const id of COUNTRY_LANGUAGES[country] ?? []) listed.add(id);
  for (const id of writtenIn(prompt)) listed.add(id);
  return [...listed];
}
