import { globalForm } from './text';

// Things users rule out that are not industries of the company: working conditions and kinds
// of workplace ("no night shifts", "no nursing homes", "nothing in debt collection"). Each is a
// meaning family: `prompt` is how a user names it (in any of the set's languages), `job` the
// words a posting uses for the same thing. A posting shows it when its title does, when its
// first paragraph does, or when its text does outside a negation ("no night shifts" in a
// posting is a promise, not a night shift).

export interface ExclusionTerm {
  id: string;
  /** For explanations: "night shifts". */
  label: string;
  prompt: RegExp;
  job: RegExp;
  /** A positive statement anywhere in the prompt that rules it out too ("day shifts only", "I don't drive"). */
  promptWhole?: RegExp;
  /** The posting's words are a requirement ("own car essential"): one mention is enough, not a possible exception. */
  decisive?: boolean;
  /** Words that say it only in a title ("Night Veterinary Nurse"), where a bare "night" is the job itself. */
  title?: RegExp;
}

const term = (id: string, label: string, prompt: RegExp, job: RegExp, extra: Pick<ExclusionTerm, 'promptWhole' | 'decisive' | 'title'> = {}): ExclusionTerm => ({ id, label, prompt, job, ...extra });

export const EXCLUSIONS: readonly ExclusionTerm[] = [
  term(
    'nights',
    'night shifts',
    /\b(nights?|overnights?|night[- ]shifts?|nacht|nachtdienst|nachtschicht|nuit|noche|nocturn|notte|notturn|nocn|nachtploeg|nachtdienst|y[öo]vuor|[ée]jszak|no[ćčc]n|t[řr]ísm[ěe]nn|trojzmenn|kolmivuoro|3[- ]?m[űu]szak)/i,
    /\b(night[- ]?shifts?|nights|overnights?( shifts?)?|graveyard shift|nachtdienst|nachtschicht|nachtploeg|nachtdiensten|turni? di notte|notturn|de nuit|turno de noche|nocturno|zmian[ay]? nocn|(?:matin|jour|soir)s?,? (?:(?:matin|jour|soir)s?,? )?(?:et|ou) nuits?|pauses alternantes|ma[ñn]ana,? tarde y noche|fr[üu]h-?,? sp[äa]t- und nachtdienst|three[- ]shift|3[- ]shift|dreischicht|drieploegen|4-on-4-off|rotating (days and )?nights|y[öo]vuor\w*|kolmivuoro\w*|[ée]jszakai|[3h][áa]?r?o?m? ?m[űu]szak\w*|no[ćčc]n[ieéaá]\w* (?:smjen|sm[ěe]n|zmen)\w*|t[řr][íi]sm[ěe]nn\w*|trojzmenn\w*)/i,
    { title: /\b(night|nacht|nuit|noche|notte|nocturne?|nocn[ay])\b/i, promptWhole: /\b((de|en) jour uniquement|uniquement (de|en) jour|(pauses?|gardes?|services?) de nuit,? c'est fini|plus de (pauses? de )?nuits?|solo (turno )?de d[ií]a|solo turni di giorno|day shifts? only|days only|only days|only day shifts?|daytime only|day work only|nur tagdienst|nur fruh- und spatdienst|uniquement de jour|solo turnos? de (dia|manana)|alleen dagdienst(en)?|tylko (na )?dzienn)/i },
  ),
  term('round-the-clock', '24/7 shifts', /\b24\/7\b/i, /\b24\/7 (shifts?|rota|operations|rotation)|\brotating shifts\b/i),
  // "No Sundays" rules out Sunday work, not a salon open Tuesday to Saturday.
  term('sundays', 'Sunday work', /^(?:(?:on|los|le|la|am|op|w)\s+)?(sundays?|sonntags?|dimanches?|domingos?|domenica|zondag(en)?|niedziel[ey]?)\b/i,
    /\b(sundays?|sonntags?|dimanches?|domingos?|domeniche|domenica|zondag(en)?|niedziel[ey]?)\b/i,
    { promptWhole: /\b(los )?domingos no (trabajo|puedo)\b|\bno trabajo (los )?domingos\b|\bla domenica non lavoro\b|\bnon lavoro (la|di) domenica\b|\bao domingo n[ãa]o trabalho\b|\b(i )?(don'?t|do not|never|can'?t) work (on )?sundays\b|\bsonntags (arbeite ich )?nicht\b|\bpas le dimanche\b/i }),
  term('weekends', 'weekend work', /\b(weekends?|week-ends?|saturdays?|wochenenden?|samstags?|samedis?|fin(es)? de semana|s[áa]bados?|fine settimana|sabato|zaterdag|weekendy|sobot[ya]?|stand-by)\b/i, /\b(weekends?|saturdays?|sundays?|week-ends?|wochenenden?|samstag|sonntag|samedi|dimanche|s[áa]bados?|domingos?|weekend stand-by)\b/i,
    // "Los fines de semana no trabajo", "I don't work weekends": said as a fact, not as "no weekends".
    { promptWhole: /\b(los )?(s[áa]bados|fines de semana) no (trabajo|puedo)\b|\bno trabajo (los )?(s[áa]bados|fines de semana)\b|\b(i )?(don'?t|do not|never|can'?t) work (on )?(saturdays|weekends)\b|\bpas le week-end\b/i }),
  term('staffing', 'staffing or temp agencies', /\b(rpo|recruitment process outsourcing|agenc(y|ies)|agentur|agence|agencia|uitzend|staffing|temp(orary)? agenc|supply|interim|zeitarbeit|leiharbeit|leihfirm|arbeitnehmer[üu]berlassung|an[üu](?![\w\u00C0-\u024F])|personaldienstleist|ett\b|detacher\w*|labou?r[- ](?:hire|broker)|personalbereitstell\w*|personalleasing|leasing|ag[êe]ncias?)/i,
    /\b(plac(e|ed|ing) on assignment|on assignment with (our )?client|we place [^.]{0,40}\binto\b|block bookings|rpo|recruitment process outsourcing|(deliver|provide)s? recruitment on behalf of|staffing|recruitment agency|temp(orary)? (staffing )?agency|supply (teaching|teacher|agency)|empresa de trabajo temporal|\bett\b|uitzendbureau|zeitarbeit|personaldienstleist|arbeitnehmer[üu]berlassung|a[üu]g\b|[üu]berlassung|agence d'int[ée]rim|agentur\b|\w+agentur\b|detacher\w*|gedetacheerd\w*|labou?r[- ]hire|personalbereitstell\w*|personalleasing|arbeitskr[äa]fte[üu]berlassung)/i),
  term('hotels', 'hotels', /\bhot(el|eles|els|eli|éis)\b|\bhotelaria\b|\bh[ôo]tellerie\b|\bhoteler[ií]a\b/i, /\bhotel(es|s)?\b|\bhôtel/i),
  // "Não quero cadeias de fast food", "niente fast food": quick-service chains.
  term('fast-food', 'fast food', /\b(fast[- ]?food|comida r[áa]pida|restaura[çc][ãa]o r[áa]pida|quick[- ]service|qsr|schnellrestaurant|restauration rapide)\b/i, /\b(fast[- ]?food|comida r[áa]pida|restaura[çc][ãa]o r[áa]pida|quick[- ]service restaurants?|qsr|schnellrestaurant|restauration rapide|burger chain)\b/i),
  term('catering', 'catering', /\b(catering|colectividad|banquet|cantine|kantine|comedor|food services?|services alimentaires|restauration collective)/i, /\b(catering|colectividad|banquete?s?|cocina hospitalaria|cantine|kantine|comedores|services alimentaires|restauration collective|food services (contractor|company|provider)|hospital food)/i),
  term('care-homes', 'nursing homes', /\b(nursing homes?|care homes?|aged care|residential care|geriatri|verpleeghui|pflegeheim|ehpad|maisons? de repos|rusthuis|woonzorgcentr|residencias? de (mayores|ancianos)|casa di riposo|\brsa\b|dom(u|y)? opieki|ouderenzorg|lar de idosos)/i,
    /\b(nursing homes?|care homes?|aged care|residential (aged )?care|rest homes?|geriatri|verpleeghui|pflegeheim|altenheim|ehpad|maisons? de repos|rusthuis|woonzorgcentr|residencias? de (mayores|ancianos)|casa di riposo|dom(u|y)? opieki|ouderenzorg|lar de idosos)/i),
  // "No jobs abroad or travelling all around Europe", "keine Montage im Ausland": travel is the job.
  term('travel', 'travelling work', /\b(travell?ing|abroad|im ausland|reiset[äa]tigkeit|d[ée]placements|viajes|trasferte)\b/i,
    /\b(nights? away( from home)?|travell?ing (technician|engineer|role|job|nurse|position)|(extensive|frequent|international|regular) travel|travel (across|around|throughout) (europe|the (uk|us|country|region|world))|up to \d{2,3} ?% travel|\d{2,3} ?% travel|reiset[äa]tigkeit|reisebereitschaft|(europaweit|weltweit)e? (eins[äa]tze|montage)|eins[äa]tze im ausland|d[ée]placements (fr[ée]quents|nationaux|internationaux|[àa] l'[ée]tranger)|viajes frecuentes|trasferte)/i, { title: /\btravell?ing\b/i }),
  term('child-protection', 'child protection', /\b(child protection|child welfare|children'?s aid|\bcas\b|jeugdbescherming|kinderschutz|protection de l'enfance)/i,
    /\b(child protection|child welfare|children'?s aid|jeugdbescherming|kinderschutz|protection de l'enfance)/i),
  term('debt-collection', 'debt collection', /\b(debt collection|collections?|recouvrement|inkasso|windykac)/i, /\b(debt collection|collections? (agent|team|officer)|recouvrement|inkasso|windykac)/i),
  term('automotive', 'automotive', /\b(automotive|autosar|car makers?|carmakers?|automobil|fahrzeugbau|automoci[óo]n)/i, /\b(automotive|autosar|adas|kfz-|oem (car|vehicle)|car ?makers?|vehicle manufacturers?|fahrzeughersteller|fahrzeugbau|automobil(hersteller|industrie|zulieferer|e)?|autoindustrie|automoci[óo]n|automobilistic|motoryzac|tier[- ]?1 (supplier|zulieferer|automotive))/i),
  term('free-to-play', 'free-to-play mobile games', /\b(free[- ]to[- ]play|f2p)\b/i, /\b(free[- ]to[- ]play|f2p)\b/i),
  // "Kein reiner Provisionsvertrieb", "ventas a comisión", "rein erfolgsabhängige Provisionen".
  term('commission-only', 'commission-only pay',
    /\bcommission[- ]only|sales[- ]heavy\b|\bprovisionsvertrieb|\bprovisionsbasis|\bstrukturvertrieb|\breine[rn]? provision|\bventas? a comisi[óo]n|\b(?:solo|s[óo]lo) (?:a )?comisi[óo]n|\b(?:à|a) la commission\b|\bs[óo] (?:à )?comiss[ãa]o|\ba provvigione\b/i,
    /\b(commission[- ]only|100 ?% commission|commission[- ]based|in-home sales|rein erfolgsabh[äa]ngig\w*|(?:auf|nur auf) provisionsbasis|strukturvertrieb|100 ?% provision|solo comisiones|sin (?:sueldo|salario) fijo|uniquement (?:à|a) la commission|solo provvigion\w*|s[óo] comiss[õo]es)/i),
  term('machine-translation', 'post-editing machine translation', /\b(mtpe|post[- ]edit)/i, /\b(mtpe|post[- ]edit|machine translation output)/i),
  term('offshore', 'offshore work', /\boffshore\b/i, /\boffshore\b/i),
  // "Done with FIFO": fly-in fly-out rosters at remote sites.
  term('fifo', 'fly-in fly-out rosters', /\b(fifo|dido|fly[- ]in[- ]fly[- ]out)\b/i, /\b(fifo|dido|fly[- ]in,? fly[- ]out|drive[- ]in,? drive[- ]out)\b/i),
  term('shutdowns', 'shutdown work', /\bshutdowns?\b/i, /\bshutdowns?\b/i),
  // "I have no car", "I don't drive": a posting that needs one is out, whatever else it offers.
  term('own-car', 'a car of your own', /^(a |any |my own |own )?(car|cars|driving licen[cs]e|driver'?s licen[cs]e|f[üu]hrerschein|auto|voiture|permis( de conduire)?|coche|carnet( de conducir)?|rijbewijs|samoch[óo]d|prawo jazdy|patente)\b/i,
    /\b(un v[ée]hicule (personnel )?(est )?(indispensable|obligatoire|exig[ée]|n[ée]cessaire)|(la |une )?voiture (est )?(indispensable|obligatoire|n[ée]cessaire)|own (car|vehicle|transport)|(full |clean )?(uk |eu )?driving licen[cs]e (and (own )?(car|transport|vehicle) )?(is |are )?(essential|required|needed|a must)|car (is )?(essential|required|needed)|must (have|hold) a (full |valid )?(driving )?licen[cs]e|access to a (car|vehicle)|f[üu]hrerschein(?: klasse)?(?: b)? (?:ist )?(?:zwingend )?(erforderlich|zwingend|notwendig|vorausgesetzt)|eigener? pkw|permis b (exig[ée]|obligatoire|indispensable)|[êe]tre v[ée]hicul[ée]|v[ée]hicul[ée]\(e\)|carnet de conducir (y veh[ií]culo propio)?|veh[ií]culo propio|(?:autom[óo]vil|carro|auto) propio|contar con (?:autom[óo]vil|carro|auto|veh[ií]culo)\b|reliable (?:vehicle|car|transportation)|(?:licen[cs]e|licence) and (?:a )?(?:reliable |insured )?(?:vehicle|car)\b|automunit[oa]|auto propria|disponib(?:el|le) bil|disponere bil|mezzo proprio|(?:disponere |ha )?egen bil|f[øo]rerkort[^.;\n]{0,30}\b(?:krav|kreves|p[åa]krevd)|k[öo]rkort[^.;\n]{0,20}\b(?:krav|kr[äa]vs)|eigen (?:auto|vervoer)|rijbewijs[^.;\n]{0,20}\b(?:vereist|verplicht|noodzakelijk)|f[üu]hrerschein[^.;\n]{0,40}\b(?:pkw|fahrzeug|auto)\b|prawo jazdy[^.;\n]{0,20}\b(?:wymagane|konieczne|niezb[ęe]dne)|viatura pr[óo]pria|carro pr[óo]prio|carta de condu[çc][ãa]o (obrigat[óo]ria|indispens[áa]vel)|eigen (auto|vervoer)|rijbewijs (b )?(vereist|verplicht)|prawo jazdy kat\.? b (wymagane|obowi[ąa]zkowe)|automunit[oa]|patente b (richiesta|obbligatoria))/i,
    { promptWhole: /\b(i )?(don'?t|do not|can'?t|cannot) drive\b|\bno (car|driving licen[cs]e|licen[cs]e)\b|\bno tengo (carro|coche|auto(m[óo]vil)?|veh[ií]culo)\b|\bpas d'auto\b|\bpas de char\b|\bi (?:dont|don'?t|do not) (?:have|own) (?:a )?car\b|\bsem carro\b|\bwithout (a )?car\b|\bkein(en)? (auto|f[üu]hrerschein)\b|\bpas de (voiture|permis)\b|\bsin (coche|carnet)\b|\bgeen (auto|rijbewijs)\b|\bnie mam (samochodu|prawa jazdy)\b|\bn[ãa]o tenho (carro|carta)\b|\bnon ho (la )?(macchina|patente|auto)\b|\bje n'ai pas (de )?(voiture|permis)\b|\bhar (?:ikke|inte|ikkje) (?:bil|f[øo]rerkort|k[öo]rkort)\b|\b(?:ingen|uten|utan) bil\b|\binget k[öo]rkort\b/i, decisive: true },
  ),
  // "No late closes past 10pm", "no evening shifts": lates are their own thing, short of nights.
  term('late-shifts', 'late shifts', /\b(late (closes?|closing|shifts?|finish(es)?|evenings?)|lates\b|evening (shifts?|work)|closes? past|sp[äa]tschicht|sp[äa]tdienst|horario de tarde|turno de tarde|avonddienst(en)?|late diensten|zmiana popo[łl]udniow)/i,
    /\b(late (shifts?|closes?|closing|finishes)|lates\b|evening shifts?|(closes?|open|until|till|to) (11 ?pm|11:\d\d ?pm|23:\d\d|midnight)|sp[äa]tschicht|sp[äa]tdienst|avonddienst(en)?|late diensten)/i,
  ),
  // "Sin turno partido", "no split shifts": a working day cut in two by a long unpaid break.
  term('split-shifts', 'split shifts', /\b(split[- ]shifts?|turnos? partidos?|jornada partida|horaires? coup[ée]s?|coupures?|geteilte[rn]? dienste?|dienste? mit unterbrechung|turni spezzati|gebroken diensten)/i,
    /\b(split[- ]shifts?|turnos? partidos?|jornada partida|horaires? coup[ée]s?|service en coupure|geteilte[rn]? dienste?|dienste? mit unterbrechung|turni spezzati|gebroken diensten)/i),
  // "No airline where I must pay my own training": a course fee the trainee pays or has deducted.
  term('paid-training', 'training you pay for', /\b(pay (for )?(my|your|their|the) (own )?training|self[- ](funded|paid) training|training (fees?|costs?|bonds?)|course fees?|pay for (the )?course|formation payante|frais de formation|schulungskosten|formaci[óo]n (de )?pago)/i,
    /\b((course|training|programme|program) (costs|fees?( of| is)?|bond)|training bond|fees? (is |are |will be )?deducted|pay (for )?(your|the) (own )?training|self[- ](funded|paid) training|frais de formation (à votre charge|payants?)|formation payante|schulungskosten (tr[äa]gst|werden)|formaci[óo]n (de )?pago)/i),
  // "I can't get a security clearance; skip anything that requires one": a requirement, one mention is enough.
  term('clearance', 'a security clearance', /\b(security )?clearances?\b/i,
    /\b((top )?secret|ts\/sci|active|government|dv|sc|security|federal) (security )?clearance\b|\bclearance (is )?required\b|\bus citizenship (is )?required\b/i,
    { decisive: true, title: /\bcleared\b/i }),
  // "My permit runs out, the employer has to support a work permit": a posting that will not sponsor is out; one mention is enough.
  term('no-sponsorship', 'no visa sponsorship', /\b(?:won'?t|will not|can'?t|cannot|unable to|do not|don'?t) sponsor\b/i,
    /\b(?:unable|not able|cannot|can ?not|can'?t|won'?t|will not|do(?:es)? not|don'?t|are not|is not)\s+(?:to\s+)?(?:be able to\s+)?(?:currently\s+)?(?:offer|provid|sponsor|support|consider)\w*\b[^.;\n]{0,40}?\b(?:sponsor\w*|visas?|work permits?)|\bno (?:visa |work permit )?sponsorship\b|\bsponsorship (?:is )?(?:not|un)available\b|\bwithout (?:the need for )?(?:current or future |visa |employer )?sponsorship\b|\b(?:citizens?|nationals?)\b[^.;\n]{0,40}\bonly\b|\bonly (?:open to|for|accept\w*) [^.;\n]{0,30}\b(?:citizens|nationals)\b|\bopen to \w+ nationals only\b|\bsaudi(?:zation| nationals?)\b|\bnitaqat\b|\bnon-\w+ candidates will not be considered\b/i,
    { promptWhole: /\b(?<!(?:don'?t|do not|doesn'?t|won'?t|will not|never|not) )(?:need|needs|require|requires)\s+(?:a\s+)?(?:visa\s+|work permit\s+)?sponsorship\b|\bsponsorship (?:is )?(?:needed|required|necessary)\b|\b(?:support|sponsor)\s+(?:a\s+|my\s+)?(?:work permit|work visa|visa|lmia|h-?1b|skilled worker visa)\b|\bpermit support\b|\bpreciso de (?:uma )?empresa que (?:aceite|fa[çc]a) (?:fazer )?a transfer[êe]ncia\b|\b(?:on|have|hold) (?:a |an? )?(?:transferable )?(?:482|tss|h-?1b|iqama)\b|\btransferable iqama\b|\bvisa transfer\b|\bvisto 482\b|\btenho visto\b/i, decisive: true }),
  term('international-routes', 'international routes', /\b(mi[ęe]dzynarodow|international (routes?|transport|haulage)|fernverkehr|dia[lľ]k\w*|turnus\w*)/i, /\b(mi[ęe]dzynarodow|international (routes?|transport|haulage)|fernverkehr|system [234]\/[12]|turnus\w* [234]\/[12]|z[áa]padn\w* eur[óo]p\w*|dia[lľ]kov\w*)/i),
];

// A mention preceded by one of these is a promise ("no night shifts", "keine Nachtdienste").
const NEGATED_BEFORE = /\b(no|not|never|ei|ilman|nem|nincs|ne|nicht|niemals|nie|niet|nooit|non|jamais|nunca|mai|without|free of|keine?[nm]?|ohne|nie|bez|sans|pas de|pas|sin|ni|geen|zonder|senza|niente|nessun[oa]?|closed|cerrado|cerramos|fermé|chiuso|gesloten|zamkni[eę]te|libres?)\b[^.;\n]{0,25}$/i;
// …and one followed by these: "Sundays off", "domingos cerrado", "sonntags geschlossen".
const NEGATED_AFTER = /^\W{0,3}(always |are |is |siempre |immer )?(off|closed|free|cerrados?|libres?|frei|geschlossen|ferm[ée]s?|chius[oi]|gesloten|wolne)\b/i;

const negated = (text: string, index: number, length: number) =>
  NEGATED_BEFORE.test(text.slice(Math.max(0, index - 40), index)) || NEGATED_AFTER.test(text.slice(index + length, index + length + 20));

/** How many times `text` mentions the family outside a negation. */
export function countPlainly(text: string, pattern: RegExp): number {
  const global = globalForm(pattern);
  let count = 0;
  for (const match of text.matchAll(global)) if (!negated(text, match.index ?? 0, match[0].length)) count++;
  return count;
}

/** Whether `text` mentions the family outside a negation. */
export function mentionsPlainly(text: string, pattern: RegExp): boolean {
  const global = globalForm(pattern);
  for (const match of text.matchAll(global)) if (!negated(text, match.index ?? 0, match[0].length)) return true;
  return false;
}
