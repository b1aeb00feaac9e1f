// Commute distances from a gazetteer: the hand-written cities and commuter towns of the countries
// JobPing's users live in, with their aliases (data/cities.json), then every town of 40,000 people
// or more (data/world-cities.ts, generated from GeoNames by scripts/build-gazetteer.mjs). A
// posting's office is compared with the places a prompt names ("Dordrecht, about 45 minutes by
// car"); a place the gazetteer does not know is never judged.
import gazetteer from './data/cities.json';
import { WORLD_CITIES } from './data/world-cities';

export interface City {
  name: string;
  country: string;
  lat: number;
  lon: number;
  /** A generated town (data/world-cities.json), not one of the hand-written gazetteer's. */
  world?: true;
}

const COUNTRY_NAMES: Record<string, string> = {
  DE: 'Germany', AT: 'Austria', CH: 'Switzerland', NL: 'Netherlands', BE: 'Belgium', LU: 'Luxembourg', FR: 'France', ES: 'Spain', PT: 'Portugal',
  IT: 'Italy', PL: 'Poland', CZ: 'Czechia', IE: 'Ireland', GB: 'United Kingdom', DK: 'Denmark', SE: 'Sweden', NO: 'Norway', FI: 'Finland',
  US: 'United States', CA: 'Canada', AU: 'Australia', NZ: 'New Zealand', RO: 'Romania', HU: 'Hungary', GR: 'Greece', IN: 'India', SG: 'Singapore',
  AE: 'United Arab Emirates', SA: 'Saudi Arabia', QA: 'Qatar', OM: 'Oman', KW: 'Kuwait', BH: 'Bahrain',
};

interface Entry {
  city: City;
  alias: string;
}

// Loaded once; names are matched as written (capitalised), longest first, so "Porto Cervo" is
// not Porto and "New York" is not York. Found with indexOf and a look at the letters either
// side rather than a RegExp per name: the native code of ~500 Unicode-aware patterns alone was
// ~8 MB of every matcher's memory.
const ENTRIES: readonly Entry[] = (gazetteer.cities as unknown as [string, string, number, number, string[]?][])
  .flatMap(([name, code, lat, lon, aliases]) =>
    [name, ...(aliases ?? [])].map((alias) => ({ city: { name, country: COUNTRY_NAMES[code] ?? code, lat, lon }, alias })),
  )
  .sort((a, b) => b.alias.length - a.alias.length);

// The ~10,000 generated towns stay in their one string: each line's start, coordinates and country in
// typed arrays, looked up by the first word of the name, the City made only on a hit. An object per
// town would cost every worker a few MB, and an indexOf per town per text a fan-out its speed.
const WORLD_STARTS: number[] = [0];
for (let at = WORLD_CITIES.indexOf('\n'); at !== -1; at = WORLD_CITIES.indexOf('\n', at + 1)) WORLD_STARTS.push(at + 1);
const WORLD_COUNT = WORLD_STARTS.length;
const WORLD_LAT = new Float32Array(WORLD_COUNT);
const WORLD_LON = new Float32Array(WORLD_COUNT);
const WORLD_COUNTRY: string[] = [];
const WORLD_NAME_END = new Uint32Array(WORLD_COUNT);
const WORLD_BY_FIRST_WORD = new Map<string, number | number[]>();
for (let row = 0; row < WORLD_COUNT; row++) {
  const end = row + 1 < WORLD_COUNT ? WORLD_STARTS[row + 1]! - 1 : WORLD_CITIES.length;
  const [name = '', code = '', lat = '0', lon = '0'] = WORLD_CITIES.slice(WORLD_STARTS[row], end).split('\t');
  WORLD_NAME_END[row] = WORLD_STARTS[row]! + name.length;
  WORLD_LAT[row] = Number(lat);
  WORLD_LON[row] = Number(lon);
  WORLD_COUNTRY.push(COUNTRY_NAMES[code] ?? code);
  const first = name.split(' ')[0] ?? name;
  const rows = WORLD_BY_FIRST_WORD.get(first);
  WORLD_BY_FIRST_WORD.set(first, rows === undefined ? row : typeof rows === 'number' ? [rows, row] : [...rows, row]);
}
const worldName = (row: number) => WORLD_CITIES.slice(WORLD_STARTS[row], WORLD_NAME_END[row]);
const CAPITALISED_WORD = /\p{Lu}[\p{L}'’.-]*/gu;

const LETTER = /^\p{L}$/u;
/** A name glued to a letter, an apostrophe or a hyphen before it is part of another word ("Neu-Ulm" is not Ulm). */
const JOINED_BEFORE = /^[\p{L}'-]$/u;

/** The code point that ends just before `index`, or ''. */
function codePointBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(text.codePointAt(start) ?? 0);
}

/** Where `alias` stands in `text` as a whole name, or -1. */
function findName(text: string, alias: string): number {
  for (let at = text.indexOf(alias); at !== -1; at = text.indexOf(alias, at + 1)) {
    const after = text.codePointAt(at + alias.length);
    if (JOINED_BEFORE.test(codePointBefore(text, at))) continue;
    if (after !== undefined && LETTER.test(String.fromCodePoint(after))) continue;
    return at;
  }
  return -1;
}

/** Cities of `text` in the countries it names, when it names any: "Ipswich, Queensland" is not Ipswich in Suffolk. */
export function citiesInNamedCountries(text: string, countries: readonly string[], options: { world?: boolean } = {}): City[] {
  const found = citiesIn(text, options);
  if (countries.length === 0) return found;
  return found.filter((city) => countries.includes(city.country));
}

/**
 * The gazetteer's cities named in a text. With `world`, the generated towns too, marked `world`:
 * those say where an office is for a commute, never which country a text is about ("Orléans, ON").
 */
export function citiesIn(text: string, options: { world?: boolean } = {}): City[] {
  let rest = text;
  const found: City[] = [];
  for (const entry of ENTRIES) {
    const at = findName(rest, entry.alias);
    if (at === -1) continue;
    if (!found.some((city) => city.name === entry.city.name)) found.push(entry.city);
    rest = `${rest.slice(0, at)}${' '.repeat(entry.alias.length)}${rest.slice(at + entry.alias.length)}`;
  }
  if (options.world) for (const city of worldCitiesIn(rest)) if (!found.some((known) => known.name === city.name)) found.push(city);
  return found;
}

function worldCitiesIn(text: string): City[] {
  const found: City[] = [];
  for (const word of text.matchAll(CAPITALISED_WORD)) {
    const start = word.index;
    if (JOINED_BEFORE.test(codePointBefore(text, start))) continue;
    const rows = WORLD_BY_FIRST_WORD.get(word[0].replace(/[.’']+$/, ''));
    if (rows === undefined) continue;
    // The most populous town of a name comes first; the longest name that fits wins ("Santa Cruz de Tenerife").
    let best = -1;
    let bestName = '';
    for (const row of typeof rows === 'number' ? [rows] : rows) {
      const name = worldName(row);
      const after = text.codePointAt(start + name.length);
      if (name.length <= bestName.length || !text.startsWith(name, start) || (after !== undefined && LETTER.test(String.fromCodePoint(after)))) continue;
      best = row;
      bestName = name;
    }
    if (best !== -1 && !found.some((city) => city.name === bestName)) found.push({ name: bestName, country: WORLD_COUNTRY[best]!, lat: WORLD_LAT[best]!, lon: WORLD_LON[best]!, world: true });
  }
  return found;
}

/** Great-circle distance in km. */
export function distanceKm(a: City, b: City): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

// Straight-line km a commute of N minutes covers, roughly (roads and transit are not straight).
const KM_PER_MINUTE = 0.8;
/** One home city and no stated commute: its metropolitan area. */
const METRO_KM = 50;
/** Several towns named ("Eindhoven, Veldhoven, Helmond or Den Bosch"): those towns and their edges. */
const NAMED_TOWNS_KM = 15;

// "Within an hour on the train", "media hora en coche": a commute said in hours. "$40 an hour" is pay, so
// the hour needs a word of reach before it or of travel after it.
const AN_HOUR = /\b(?:within|up to|under|less than|about|around|max(?:imum)?\.?|at most|como mucho|como m[áa]ximo|au maximum|h[öo]chstens|maks)\s+(?:an|one|1|une|una|eine|een|en)\s*(?:hour|h|heure|hora|stunde|uur|time)\b|\b(?:an|one|1)\s*hour(?:'s)?\s+(?:on the train|by (?:train|car|bus|bike|public transport)|commute|drive|journey|away)\b/i;
const HALF_HOUR = /\b(?:half an hour|half-hour|media hora|mezz'ora|demi-heure|halbe stunde|halfuur|half uur|p[óo][łl] godziny|meia hora)\b/i;

/** How far from the prompt's places an office may be, in km. */
export function commuteLimitKm(prompt: string, homeCities: number): number {
  const minutes = /(\d{2,3})\s*(?:min(?:utes?|uten|utos|uti|ut)?\b)/i.exec(prompt);
  if (minutes) return Math.max(10, Number.parseInt(minutes[1] ?? '0', 10) * KM_PER_MINUTE);
  if (HALF_HOUR.test(prompt)) return 30 * KM_PER_MINUTE;
  if (AN_HOUR.test(prompt)) return 60 * KM_PER_MINUTE;
  return homeCities >= 2 ? NAMED_TOWNS_KM : METRO_KM;
}
