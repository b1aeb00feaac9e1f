import { describe, expect, it } from '@jest/globals';
import { parseLanguageRequirements } from '../src/index';

// Sentences as postings write them, and the languages (ISO 639-1) they require.
const table: [string, string[]][] = [
  ['Fluent German required.', ['de']],
  ['English is our working language.', ['en']],
  ['Dutch is a plus.', []],
  ['Fluent English and German (C1) are essential.', ['de', 'en']],
  ['Native-level French is a must.', ['fr']],
  ['Knowledge of Spanish is nice to have.', []],
  ['German would be an advantage.', []],
  ['German is not required.', []],
  ['You speak English fluently and write it clearly.', ['en']],
  ['We are an English-speaking company; no German needed.', ['en']],
  ['Our customers are in Germany; German skills are helpful but not essential.', []],
  ['Working proficiency in Portuguese is mandatory.', ['pt']],
  ['C1 level English or higher.', ['en']],
  ['Polish native speaker.', ['pl']],
  ['Bilingual English/Spanish required.', ['en', 'es']],
  ['Spanish speakers are encouraged to apply.', []],
  ['Must be comfortable communicating in English with customers.', ['en']],
  ['Strong written and spoken English.', ['en']],
  ['Catalan is valued.', []],
  ['Sehr gute Deutschkenntnisse in Wort und Schrift setzen wir voraus.', ['de']],
  ['Verhandlungssichere Englischkenntnisse.', ['en']],
  ['Fließend Deutsch und Englisch.', ['de', 'en']],
  ['Englisch ist unsere Arbeitssprache, Deutsch ist von Vorteil.', ['en']],
  ['Standort Deutschland, Arbeitssprache Englisch.', ['en']],
  ['Vloeiend Nederlands is vereist.', ['nl']],
  ['Kennis van het Duits is een pluspunt.', []],
  ['Maîtrise de l’anglais courant exigée.', ['en']],
  ['Tu parles couramment anglais et français.', ['en', 'fr']],
  ['Un bon niveau d’anglais est un atout.', []],
  ['Se requiere inglés fluido.', ['en']],
  ['Il candidato deve parlare correntemente l’italiano.', ['it']],
  ['Biegła znajomość języka angielskiego wymagana.', ['en']],
  ['Znajomość języka niemieckiego mile widziana.', []],
  ['Competitive salary, 30 days of holiday and a pension plan.', []],
  ['We build software for French and German insurers.', []],
  ['Experience with Java, Go and Rust is required.', []],
  ['Experience writing English-language content is a plus.', []],
  ['Oficina en Polska; se valora el polaco.', []],
  ['Fluent English, German a plus.', ['en']],
  ['English, German and French are required.', ['de', 'en', 'fr']],
];

describe('parseLanguageRequirements', () => {
  it.each(table)('%j → %j', (text, expected) => {
    expect(parseLanguageRequirements('', text)).toEqual(expected);
  });

  it('reads the title too, and each clause on its own', () => {
    expect(parseLanguageRequirements('German-speaking Account Manager', 'Sell to customers in DACH.')).toEqual(['de']);
    expect(parseLanguageRequirements('Customer Support Agent', 'Fluent Dutch required.\nFrench is a plus.')).toEqual(['nl']);
    expect(parseLanguageRequirements('Backend Engineer', '')).toEqual([]);
  });
});
