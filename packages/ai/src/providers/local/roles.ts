// Role vocabulary across professions: which family a job title belongs to, and which family a
// prompt asks for. Titles are matched in the languages JobPing's users write in (EN, DE, FR, ES,
// NL, PL, IT, CA). Order matters for titles: the first rule that matches wins, so specific
// neighbours ("Sales Operations Manager", "Pharmacien affaires réglementaires") come before the
// broad family they would otherwise fall into ("Veterinary Nurse" before "Nurse", "Sales Assistant"
// before "Sales"). Titles are matched without accents (foldAccents). German stems carry no
// trailing \b so that gendered forms ("Buchhalter:in", "Übersetzer/in") match too. A family's
// `prompt` rule, when it has one, asks for the role's own nouns: "event-driven systems", "legal
// and financial texts" or "a fleet of 40 HGVs" in a prompt do not ask for those jobs.
//
// Seniority ladders where titles say the level are families of their own (sales assistant, store
// manager, area manager; site engineer, site manager, contracts manager), neighbours of each other.
//
// `near` lists neighbouring families and how much of a match they are (1 = the same job,
// 0.3 = a neighbour a recruiter would rarely send): a technical writer is not a backend engineer,
// a pharmacy technician is not a pharmacist. Neighbours not listed count as 0 (unrelated).

export interface RoleTerm {
  id: string;
  label: string;
  /** A job title of this family. */
  title: RegExp;
  /** How a user names it in a prompt (defaults to `title`). */
  prompt?: RegExp;
  near?: Readonly<Record<string, number>>;
  /** Software families: "developer" in a prompt is only a fallback for them. */
  software?: boolean;
  /**
   * Words the rest of the posting (or the prompt) must carry for a shared title to mean this
   * family: a "Site Manager" on a civils scheme builds roads, one in a fulfilment centre runs a
   * warehouse.
   */
  context?: RegExp;
}

const role = (id: string, label: string, title: RegExp, extra: Omit<RoleTerm, 'id' | 'label' | 'title'> = {}): RoleTerm => ({ id, label, title, ...extra });

const SOFTWARE_NEAR = {
  backend: { platform: 0.8, software: 0.75, fullstack: 0.7, devops: 0.35, 'data-engineering': 0.3, embedded: 0.1 },
  frontend: { fullstack: 0.7, software: 0.6, mobile: 0.25 },
  fullstack: { backend: 0.75, frontend: 0.75, software: 0.8 },
  mobile: { frontend: 0.3, software: 0.4 },
  platform: { devops: 0.9, backend: 0.6, software: 0.6 },
  devops: { platform: 0.9, backend: 0.3, software: 0.4, sysadmin: 0.3 },
  embedded: { software: 0.5, games: 0.2, hardware: 0.2 },
  games: { software: 0.5, backend: 0.3, embedded: 0.2 },
  qa: { software: 0.4 },
  security: { devops: 0.4, backend: 0.3, software: 0.4 },
  software: { backend: 0.9, fullstack: 0.9, frontend: 0.8, platform: 0.8, mobile: 0.7, devops: 0.6, 'data-engineering': 0.5, ml: 0.5, embedded: 0.6, games: 0.6, security: 0.5, qa: 0.4 },
} as const;

export const ROLES: readonly RoleTerm[] = [
  // Neighbours that share words with a broader family: first.
  // Titles that would otherwise fall into a broader family below: first.
  // Animal and dental care: a veterinary or dental nurse is not a nurse of people.
  role('vet-care', 'veterinary care assistance', /\b(veterinary (care )?assistant|animal care (assistant|worker)|kennel (assistant|hand|attendant)|tierpflege|auxiliaire (de soins )?animalier|cuidador de animales|dierenverzorger)/i, { near: { 'vet-nursing': 0.2 } }),
  role('vet-nursing', 'veterinary nursing', /\b(veterinary (nurse|nursing|technician|technologist)|vet (nurse|tech)\b|rvn\b|registered veterinary (nurse|technician)|registered veterinary|tiermedizinische[r]? fachangestellte|tfa\b|auxiliaire (specialise(e)? )?veterinaire|\basv\b|paraveterinair|dierenartsassistent|technik weterynarii|auxiliar (tecnico )?veterinari|ats veterinari|infermier[ea] veterinari)/i, {
    near: { 'vet-care': 0.1, 'vet-surgery': 0.1 },
  }),
  role('vet-surgery', 'veterinary surgery', /\b(veterinary surgeon|veterinarian|vet surgeon|tierarzt|tierarztin|tierarzt:in|veterinaire|veterinari[oa]|dierenarts|lekarz weterynarii|medico veterinario)/i, {
    // "Small animal vet here", "companion animal vet": the short word in a prompt, never a vet nurse or tech.
    prompt: /\b(veterinary surgeon|veterinarian|vet surgeon|(?:small|companion|mixed|farm|large|equine) animal vet|vet(?! (?:nurse|tech|assistant|receptionist|care))\b(?=[^.;\n]{0,40}\b(?:bvsc|bvms|dvm|rcvs|vcnz|post-?grad|years?|yrs|registered)\b)|tierarzt|veterinaire|veterinari[oa]|dierenarts|lekarz weterynarii|medico veterinario)/i,
    near: { 'vet-nursing': 0.1 },
  }),
  role('respiratory-therapy', 'respiratory therapy', /\b(respiratory (care )?(therapist|practitioner|therapy)|rrt\b|crt\b(?=.*respirat)|terapeuta respiratori|fisioterapeuta respiratori|atmungstherapeut|inhalotherap)/i, {
    prompt: /\b(respiratory (care )?(therapist|practitioner|therapy)|rrt\b|terapeuta respiratori|inhalotherap)/i,
  }),
  role('dental-hygiene', 'dental hygiene', /\b(dental hygien|hygienist|hygieniste dentaire|higienista (dental|bucodental)|dentalhygien|mondhygienist|higienistka stomatologiczna|igienista dentale|prophylaxe(assistent|fachkraft))/i, {
    near: { 'dental-therapy': 0.2, 'dental-nursing': 0.1 },
  }),
  role('dental-therapy', 'dental therapy', /\b(dental therapist|therapist,? dental|tandprotheticus)/i, { near: { 'dental-hygiene': 0.3, dentistry: 0.2 } }),
  role('dental-nursing', 'dental nursing/assistance', /\b(dental (nurse|assistant|nursing)|zahnmedizinische[r]? fachangestellte|\bzfa\b|assistant(e)? dentaire|auxiliar de (clinica dental|odontologia)|tandartsassistent|asystentka stomatologiczna|assistente alla poltrona|assistente di studio odontoiatrico)/i, {
    near: { 'dental-hygiene': 0.1 },
  }),
  role('dentistry', 'dentistry', /\b(dentist|dental (surgeon|associate)|associate dentist|zahnarzt|zahnarztin|chirurgien[- ]dentiste|odontolog[oa]|dentista|tandarts|lekarz dentysta|stomatolog)/i, { near: { 'dental-therapy': 0.2 } }),
  // Health professions with titles of their own.
  role('paramedic', 'paramedic/ambulance', /\b(paramedic|emergency medical technician|\bemt\b|ambulance (technician|care assistant)|rettungssanitat|notfallsanitat|ambulancier|tecnico (en )?emergencias sanitarias|ambulanceverpleegkundige|ratownik medyczny|soccorritore)/i, { near: { nursing: 0.2 } }),
  role('midwifery', 'midwifery', /\b(midwi(fe|ves|fery)|hebamme|sage-femme|matrona|verloskundige|polozn|ostetric[ao])/i, { near: { nursing: 0.2 } }),
  role('early-years', 'early years/childcare', /\b(nursery (practitioner|nurse|assistant|manager|teacher)|early years|childcare (practitioner|worker|assistant)|preschool teacher|kindergarten teacher|child ?minder|nanny|erzieher|kinderpfleger|auxiliaire de puericulture|educatrice de jeunes enfants|educador[a]? infantil|tecnico en educacion infantil|pedagogisch medewerker|kinderopvang|opiekunka dzieci|nauczyciel(ka)? przedszkol|educatrice (d'infanzia|nido))/i, {
    near: { 'primary-teaching': 0.2, 'teaching-assistant': 0.3 },
  }),
  role('teaching-assistant', 'teaching assistance', /\b(teaching assistant|learning support assistant|classroom assistant|\blsa\b|\bhlta\b|sen (teaching )?assistant|schulbegleit|integrationshelfer|\baesh\b|\bavs\b|auxiliar de (educacion|aula)|onderwijsassistent|klassenassistent|asystent nauczyciela|assistente educativ)/i, {
    near: { 'primary-teaching': 0.2, 'early-years': 0.3 },
  }),
  role('school-admin', 'school administration', /\b(school (administrator|administration|office (manager|administrator)|business manager|secretary|receptionist|bursar|admin)|schulsekretar|schulverwaltung|secretaire (d'ecole|scolaire|de college|de lycee)|gestionnaire (de college|administrati(f|ve) scolaire)|administrativ[oa] (de|en) (colegio|centro educativo)|conserje escolar|schooladministratie|administratief medewerker (school|onderwijs)|sekretarz szkoly)/i, {
    near: { 'office-admin': 0.4, 'executive-assistant': 0.3 },
  }),
  role('lecturing', 'university lecturing', /\b(lecturer|senior lecturer|associate professor|assistant professor|professor of|hochschuldozent|wissenschaftliche[r]? mitarbeiter|maitre de conferences|enseignant-chercheur|profesor (titular|universitario|asociado)|docent (hbo|wo|universiteit)|wykladowca|adiunkt|ricercatore universitario)/i, { near: { teaching: 0.3 } }),
  // Retail and hospitality ladders: the shop floor, the shop, the region.
  role('retail-floor', 'retail floor (sales assistant)', /\b(sales (assistant|associate|advisor|adviser|colleague)|retail (assistant|associate|advisor|adviser|colleague|team member|sales associate)|shop (assistant|floor)|store (associate|assistant|colleague|team member)|customer assistant|cashier|checkout operator|till operator|verkaufer|verkaufsberater|einzelhandelskauf|vendeu(r|se)|conseill(er|ere) de vente|employe(e)? de (libre-service|commerce)|dependient[ae]|vendedor[a]? de tienda|winkelmedewerker|verkoopmedewerker|kassamedewerker|sprzedawca|kasjer|commess[oa]|addett[oa] (alle )?vendit)/i, {
    near: { 'store-management': 0.1 },
  }),
  role('store-management', 'store management', /\b((assistant|deputy|duty) (store|shop) manager|(store|shop|boutique|branch|retail) manager|store lead|filialleit|marktleit|stellvertretende[r]? (filialleit|marktleit)|responsable (de )?(magasin|boutique|rayon)|directeur (de )?magasin|gerant(e)? (de )?(magasin|boutique)|gerente de loja|encargad[oa] de tienda|jefe de tienda|director de tienda|filiaalmanager|winkelmanager|bedrijfsleider winkel|kierownik sklepu|zastepca kierownika sklepu|responsabile (di )?negozio|store manager|direttore (del )?punto vendita)/i, {
    near: { 'area-management': 0.2, 'retail-floor': 0.1 },
  }),
  role('area-management', 'multi-site (area) management', /\b(area manager|district manager|regional (operations |retail )?manager|multi[- ]site manager|regionalleit|bezirksleit|gebietsleit|responsable (de secteur|regional)|directeur regional|jefe de zona|gerente de zona|gebiedsmanager|regiomanager|kierownik (regionu|rejonu)|area manager)/i, {
    near: { 'store-management': 0.3 },
  }),
  role('restaurant-management', 'restaurant management', /\b((assistant |general )?restaurant (general )?manager|restaurantleit|directeur de restaurant|gerant de restaurant|gerente de restaurante|gerente (de )?(sala|restauracao)|capo sala|responsabile di sala|maitre d|jefe de sala|encargad[oa] de sala|bedrijfsleider horeca|kierownik restauracji|direttore di sala|f&b manager|food (and|&) beverage manager)/i, {
    near: { 'hotel-management': 0.2, 'hospitality-floor': 0.1 },
  }),
  role('housekeeping', 'housekeeping', /\b(housekeep|room attendant|chambermaid|zimmermadchen|hausdame|femme de chambre|gouvernante|camarer[oa] de pisos|kamermeisje|pokojowa|cameriera ai piani)/i, { near: { cleaning: 0.4 } }),
  role('hospitality-floor', 'restaurant/bar service', /\b(waiter|waitress|waiting staff|restaurant server|bartender|barista|bar staff|bar (tender|person)|kellner|servicekraft|serveu(r|se)|chef de rang|commis de salle|camarer[oa]|bediening|kelner|barman|cameriere|food (and|&) beverage assistant|f&b assistant)/i, {
    near: { 'restaurant-management': 0.1 },
  }),
  role('cleaning', 'cleaning', /\b(cleaner|cleaning (operative|technician|assistant)|janitor|custodian|reinigungskraft|raumpfleg|gebaudereinig|agent d'entretien|agent de proprete|limpiador|schoonmaker|sprzataczk|addett[oa] alle pulizie)/i, { near: { housekeeping: 0.4 } }),
  role('security-guard', 'security guarding', /\b((?<!information |cyber |it )security (officer|guard)|door supervisor|sicherheitsmitarbeit|wachmann|werkschutz|agent de securite|agent de surete|vigilante de seguridad|beveiliger|ochroniarz|pracownik ochrony|guardia giurata)/i),
  // Aviation.
  role('cabin-crew', 'cabin crew', /\b(flight attendant|cabin (crew|attendant|manager)|steward(ess)?|flugbegleit|hotesse de l'air|personnel navigant commercial|\bpnc\b|tripulante de cabina|auxiliar de vuelo|azafat[oa] de (vuelo|avion)|stewardess|stewardesa|assistente di volo)/i, { near: { 'ground-handling': 0.1 } }),
  role('pilot', 'airline pilot', /\b(airline pilot|commercial pilot|helicopter pilot|first officer|second officer|captain (a3\d\d|b7\d7|atr|e-?jet)|type[- ]rated|verkehrspilot|flugkapitan|pilote de ligne|piloto (de lineas|comercial)|verkeersvlieger|pilot\b(?! (project|program|programme|plant|study|phase)))/i),
  role('aircraft-maintenance', 'aircraft maintenance', /\b(aircraft (maintenance )?(engineer|technician|mechanic)|b[12](\.\d)? (licensed |certifying )?(engineer|technician|mechanic)|certifying (engineer|technician|mechanic|staff)|part[- ]66|\blae\b|b2 (licensed )?(engineer|technician)|licensed aircraft|fluggeratmechan|mecanicien (avion|aeronautique)|tecnico de mantenimiento (de )?aeronaves|vliegtuigmonteur|mechanik lotniczy|avionics technician)/i, {
    near: { maintenance: 0.2 },
  }),
  role('ground-handling', 'airport ground handling', /\b(ground (handling|handler|operations agent|staff)|ramp (agent|operative)|check-in agent|passenger service agent|baggage handler|bodenverkehrsdienst|agent d'escale|agente de (rampa|handling|pasajeros)|grondstewardess)/i, { near: { 'cabin-crew': 0.1 } }),
  // Construction: the site, the office that designs it, the trades.
  role('construction-site', 'construction site management', /\b((senior |assistant |deputy )?site manager|construction (site )?manager|site agent|general foreman|bauleit|polier|conducteur de travaux|chef de chantier|jefe de obra|encargado de obra|uitvoerder|kierownik (budowy|robot)|capo ?cantiere|direttore (dei )?lavori)/i, {
    context: /\b(construction|civils?|civil engineering|groundworks|infrastructure|roads?|bridges?|highways?|water(main)?s?|wastewater|reservoir|pipelines?|residential|homes|housing|fit-out|build(ing)? (site|project|scheme)|scheme|concrete|contractors?|smsts|sssts|cscs|safepass|bau|chantier|obra|bouw|budow|cantiere|bauleit\w*|polier|tiefbau|hochbau|strassenbau|conducteur de travaux|jefe de obra|encargado de obra|uitvoerder|kierownik (budowy|robot)|capo ?cantiere|direttore (dei )?lavori|general foreman|site agent|construction manager)\b/i,
    near: { 'contracts-management': 0.4, 'site-engineering': 0.2, 'civil-engineering': 0.2 },
  }),
  role('site-engineering', 'site engineering', /\b((graduate |senior )?site engineer|setting[- ]out engineer|ingenieur (de )?travaux|ingeniero de obra|werkvoorbereider|inzynier budowy)/i, { near: { 'construction-site': 0.2, 'civil-engineering': 0.5 } }),
  role('contracts-management', 'construction contracts management', /\b(contracts manager|operations director,? construction|project director,? construction|oberbauleit|directeur de travaux|jefe de grupo de obras)/i, { near: { 'construction-site': 0.3 } }),
  role('quantity-surveying', 'quantity surveying/estimating', /\b(quantity surveyor|\bqs\b|cost (manager|consultant)|commercial manager,? construction|kalkulator|metreur|economiste de la construction|aparejador|calculator bouw|kosztorysant)/i, { near: { 'construction-site': 0.1 } }),
  role('civil-engineering', 'civil/structural engineering design', /\b(civil (design )?engineer|structural engineer|geotechnical engineer|highways engineer|drainage engineer|bridge engineer|tragwerksplan|statiker|bauingenieur|ingenieur (genie civil|structure|ouvrages d'art)|ingeniero (civil|de caminos|estructural)|constructeur b&u|konstruktor budowlany|ingegnere (civile|strutturista))/i, {
    near: { 'site-engineering': 0.4, 'construction-site': 0.2 },
  }),
  role('architectural-technology', 'architectural technology/BIM', /\b(architectural (technologist|technician|assistant|designer)|bim (coordinator|modeller|modeler|manager|technician)|bauzeichner|dessinateur (en )?batiment|delineante|bouwkundig tekenaar|technik architekt)/i, { near: { architecture: 0.3 } }),
  role('architecture', 'architecture (buildings)', /\b((?<!(software|solutions?|cloud|data|enterprise|security|systems?|it|technical|integration|network|salesforce|application|platform|infrastructure|principal|embedded|sw|hw|ai|ml|devops|aws|azure|microsoft) )architect\b(?![ -]?(software|cloud|data|solutions?|systems?|it\b))|architectural designer|project architect|architektin|architekt\b|projektarchitekt(in)?\b|(?<=\b(projektleit\w*|leiter\w*|projektleiter\/in)\s)architektur\b|architecte\b|arquitect[oa]\b|architetto)/i, {
    near: { 'architectural-technology': 0.3 },
  }),
  // Engineering outside software: design, drafting, simulation, the shop floor.
  role('drafting', 'technical drafting', /\b(technische[r]? (produktdesigner|zeichner|systemplaner)|cad (technician|drafter|draughts\w+|operator)|draughts(man|person|woman)|drafter|dessinateur(?![- ]projeteur)|delineante|tekenaar|kreslarz)/i, { near: { 'mechanical-design': 0.2 } }),
  role('simulation-engineering', 'simulation/FEA engineering', /\b(berechnungsingenieur|simulation(s)?(ingenieur| engineer)|fea engineer|fem[- ](ingenieur|engineer)|cfd engineer|stress engineer|structural analysis engineer|ingenieur calcul|ingeniero de calculo)/i, { near: { 'mechanical-design': 0.2 } }),
  role('automation-engineering', 'automation/controls engineering', /\b((?<!(qa|test|testing|software|it|marketing|sales|process) )automation engineer|plc (programmer|engineer)|controls engineer|automatisierungs|sps[- ]programmier|inbetriebnehm|commissioning engineer|automaticien|ingeniero de automatizacion|automatiseringsingenieur|automatyk)/i, { near: { 'mechanical-design': 0.1, electrician: 0.1 } }),
  role('manufacturing-engineering', 'manufacturing/process engineering', /\b(manufacturing engineer|process engineer|industrial engineer|production engineer|fertigungsingenieur|prozessingenieur|ingenieur (methodes|procedes|industrialisation)|ingeniero de (procesos|produccion)|procesingenieur|inzynier (procesu|produkcji))/i, { near: { 'mechanical-design': 0.2 } }),
  role('mechanical-design', 'mechanical design engineering', /\b(mechanical (design )?engineer|design engineer,? mechanical|mechanical designer|konstrukteur|konstruktionsingenieur|entwicklungsingenieur (mechanik|maschinenbau|konstruktion)|maschinenbauingenieur|ingenieur (conception|bureau d'etudes)( mecanique)?|dessinateur[- ]projeteur|ingeniero (de diseno )?mecanico|werktuigbouwkundig (ontwerper|ingenieur|engineer)|mechanisch ontwerper|konstruktor mechanik|projektant mechanik|progettista meccanico)/i, {
    near: { drafting: 0.2, 'simulation-engineering': 0.2, 'manufacturing-engineering': 0.2 },
  }),
  role('production-operative', 'production/assembly work', /\b(machine operator|production (operative|worker|associate|operator)|assembler|assembly (worker|operative|technician)|maschinenbediener|maschinen- und anlagenfuhrer|produktionsmitarbeit|produktionshelfer|operat(eur|rice) de production|agent de fabrication|operario de produccion|productiemedewerker|operator maszyn|pracownik produkcji|operaio)/i, {
    near: { 'cnc-machining': 0.2 },
  }),
  role('vehicle-mechanic', 'vehicle mechanics', /\b(vehicle technician|motor (vehicle )?mechanic|car mechanic|hgv (mechanic|technician)|mot tester|kfz-mechatron|kfz-mechanik|mechatroniker|mecanicien (auto|poids lourds|automobile)|mecanico (de )?(automoviles|vehiculos)|automonteur|autotechnicus|mechanik samochodowy|meccanico)/i, {
    near: { maintenance: 0.2 },
  }),
  // "Machinist" whole: the Dutch "machinistenroosters" are train drivers' rosters.
  role('cnc-machining', 'CNC machining', /\b(cnc (machinist|operator|programmer|setter)|machinists?\b|zerspanungsmechan|fraiseur|tourneur|fresador|tornero|verspaner|frezer|tokarz)/i, { near: { 'production-operative': 0.3 } }),
  role('welding', 'welding/fabrication', /\b(welder|fabricator|schweisser|soudeu?r|soldador|lasser|spawacz|saldatore)/i, { near: { 'production-operative': 0.2 } }),
  role('carpentry', 'carpentry/joinery', /\b(carpenter|joiner|schreiner|tischler|zimmerer|menuisier|charpentier|carpinter|timmerman|stolarz|falegname)/i),
  role('painting', 'painting and decorating', /\b(painter (and|&) decorator|decorator|maler und lackierer|malergesell|peintre en batiment|pintor|schilder\b|malarz|imbianchino)/i),
  // Security work that shares words with security engineering.
  role('security-operations', 'security operations (SOC)', /\b(soc (analyst|engineer|lead|manager|l[123]|n[123])|security operations|(cyber ?|information )?security analyst|analista (de )?soc|analista (de )?(ciber)?seguridad|incident (response|responder|handler)|threat (hunter|hunting|intelligence)|detection engineer|dfir|analyste soc|analyste (en )?cybersecurite|siem (engineer|analyst)|blue team)/i, {
    near: { security: 0.4, 'security-governance': 0.1, 'offensive-security': 0.1 },
    software: true,
  }),
  role('offensive-security', 'penetration testing', /\b(pen(etration)? ?tester|pentest|ethical hacker|red team|offensive security|auditor(ia)? de intrusion)/i, { near: { security: 0.4, 'security-operations': 0.1 }, software: true }),
  role('security-governance', 'security governance (GRC)', /\b(grc|governance,? risk|iso ?27001|information security (officer|manager)|\bciso\b|security (compliance|governance)|isms|informationssicherheitsbeauftragt|\brssi\b)/i, {
    near: { compliance: 0.4, 'security-operations': 0.1 },
  }),
  // Research and creative work that shares words with design, analysis and writing.
  role('research-ops', 'research operations', /\bresearch ?op(eration)?s\b/i, { near: { 'ux-research': 0.2 } }),
  role('ux-research', 'UX research', /\b((ux|user|product|design|customer experience) research(er)?|usability (analyst|specialist|researcher|tester)|ux-research|onderzoeker ux)/i, { near: { design: 0.2, 'market-research': 0.2 } }),
  role('market-research', 'market research', /\b(market research|consumer insights?|insights (analyst|manager|consultant|executive)|marktforsch|etudes de marche|investigacion de mercados|marktonderzoe|badania rynku|ricerche di mercato)/i, { near: { 'ux-research': 0.2, 'data-analysis': 0.2 } }),
  role('creative-direction', 'creative direction', /\b((associate |executive )?creative director|art director|\bacd\b|\becd\b|creative lead|directeur de (la )?creation|director creativ|creatief directeur)/i, { near: { 'content-writing': 0.3, design: 0.3 } }),
  role('social-media', 'social media', /\b(social media (manager|executive|specialist|coordinator|lead)|(online|social|digital) community manager)/i, { near: { marketing: 0.5, 'content-writing': 0.3 } }),
  role('communications', 'PR/communications', /\b(pr (manager|executive|officer)|public relations|communications? (manager|officer|specialist|executive|advisor|adviser|lead)|press officer|pressesprecher|unternehmenskommunikation|charge(e)? de communication|responsable de comunicacion|communicatieadviseur|specjalista ds\.? (komunikacji|pr))/i, {
    near: { 'content-writing': 0.3, marketing: 0.4 },
  }),
  // Legal support titles next to the paralegal.
  role('legal-secretary', 'legal secretary', /\b(legal (secretary|pa\b|administrator)|secretary (to|for) (the )?(partner|lawyer)|anwaltssekretar|secretaire juridique|juridisch secretaresse|secretaria de despacho)/i, { near: { paralegal: 0.2 } }),
  role('litigation-support', 'e-discovery/litigation support', /\b(e-?discovery|litigation support|document review (attorney|specialist|manager))/i, {
    prompt: /\b(e-?discovery (specialist|analyst|manager|project manager|consultant)|litigation support (analyst|specialist|manager))/i,
    near: { paralegal: 0.3 },
  }),
  // Transport: planning sits between the driver and the transport manager.
  role('transport-management', 'transport management', /\b(transport (manager|operations manager)|fleet manager|traffic manager|transportleit|fuhrparkleit|responsable (du )?transport|jefe de trafico|transportmanager|kierownik (transportu|floty))/i, { near: { dispatch: 0.3 } }),
  role('sales-ops', 'sales/revenue operations', /\b(sales|revenue|commercial) op(eration)?s\b|\brevops\b|\bsales operations?\b|\b(sales|commercial|revenue) analyst\b|\bcrm (manager|analyst|administrator|specialist)\b|\bdeal desk\b|\bsalesforce (admin|administrator)\b/i, { near: { 'data-analysis': 0.2, sales: 0.1 } }),
  role('sales-development', 'sales development (SDR/BDR)', /\b(sdr|bdr|sales development|business development rep(resentative)?)\b/i, { near: { sales: 0.3 } }),
  role('customer-success', 'customer success', /\bcustomer success\b/i, { near: { sales: 0.2, support: 0.4 } }),
  role('contact-centre', 'contact-centre work', /\b(call[- ]?cent(re|er)|contact[- ]?cent(re|er)|customer service (advisor|agent|representative)|fnol)\b/i, { near: { support: 0.5, claims: 0.2 } }),
  role('regulatory', 'regulatory affairs', /\b(regulatory affairs|affaires r[ée]glementaires|asuntos regulatorios|zulassung)/i, { near: { compliance: 0.3 } }),
  role('pharma-sales', 'pharmaceutical sales', /\b(d[ée]l[ée]gu[ée]\(?e?\)? (pharmaceutique|m[ée]dical)|visiteu?r(se)? m[ée]dical|medical (sales )?rep(resentative)?|pharmareferent|visitador m[ée]dico|informatore scientifico)/i, { near: { sales: 0.5 } }),
  role('hvac-sales', 'HVAC sales (comfort advisor)', /\bcomfort (advisor|consultant)\b/i, { near: { sales: 0.6, hvac: 0.1 } }),
  role('edtech-sales', 'education sales', /\bed ?tech sales\b|\beducation consultant\b/i, { near: { sales: 0.7 } }),
  role('journalism', 'journalism', /\b(journalist|reporter|correspondent|news editor|sub-?editor|journalistin|journaliste|periodista|redactor(a)? de (noticias|informacion)|verslaggever|dziennikarz|giornalista)/i, { near: { 'content-writing': 0.3, communications: 0.2 } }),
  role('video', 'video production', /\b(video (editor|producer|creator)|videographer|camera operator|motion (graphics )?designer|editor de video|monteur video|videoeditor|cutter\b|operatore video)/i, { near: { design: 0.2 } }),
  role('photography', 'photography', /\b(photographer|fotograf|photographe|fotografo)/i, { near: { video: 0.2 } }),
  role('presales', 'pre-sales/solutions engineering', /\b(sales engineer|pre-?sales|solutions? (engineer|consultant)|technical sales)/i, { near: { sales: 0.3, support: 0.2 } }),
  role('sales', 'sales', /\b(sales(?!force)|account (manager|executive)|(enterprise|strategic|senior|mid-market|smb) aes?\b|business development|verkaufsleiter|vertrieb|commercial(e)? (sédentaire|terrain)|ventas|verkoper|handlowiec|sponsoring)/i, {
    prompt: /\b(sales|account (manager|executive)|(enterprise|strategic|mid-market|smb) aes?|business development|closing role|quota[- ]carrying|vertrieb|ventas)\b/i,
    near: { 'sales-development': 0.4, 'customer-success': 0.3, 'edtech-sales': 0.7 },
  }),
  role('localisation-pm', 'localisation project management', /\b(locali[sz]ation|translation) project manager\b/i, { near: { translation: 0.2, 'project-management': 0.6 } }),
  role('interpreting', 'interpreting', /\b(interpret(er|ing)|dolmetsch|interpr[èe]te|int[ée]rprete|tolk)\b/i, { near: { translation: 0.2 } }),
  role('translation', 'translation', /\b(translat(or|ion)|[üu]bersetz|traduct(eur|rice|or|ora)|tradutt|vertaler|t[łl]umacz|reviser|language specialist|post[- ]editor|locali[sz]ation specialist)/i, {
    prompt: /\b(translat(or|ion)|[üu]bersetz|traduct(eur|rice|or|ora)|vertaler|t[łl]umacz)/i,
    near: { 'content-writing': 0.1, interpreting: 0.2 },
  }),
  role('technical-writing', 'technical writing', /\b(technical (writer|author|communicator)|documentation (engineer|writer|specialist)|docs engineer|api (technical )?writer|technische[:r/]*\s*redakteur|r[ée]dact(eur|rice) technique|redactor t[ée]cnico|technisch schrijver)/i, {
    prompt: /\b(technical writ(er|ing)|documentation (engineer|writer)|docs engineer|developer documentation|technische[:r/]*\s*redakteur)/i,
    near: { 'content-writing': 0.3 },
  }),
  role('content-writing', 'content/copy writing', /\b(ux writer|copywriter|content (writer|marketing|marketer|strategist|designer|creator|editor|manager)|redakteur|r[ée]dact(eur|rice)|editor)\b/i, { near: { 'technical-writing': 0.3, marketing: 0.5 } }),
  role('devrel', 'developer relations', /\b(developer advocate|devrel|developer relations)\b/i),
  // Finance.
  role('audit', 'audit', /\b((?<!night )auditor|audit (associate|senior|manager|assistant|trainee)|external audit|internal audit|wirtschaftsprufer|prufungsassistent|commissaire aux comptes|auditeur|auditor(a|ia)? (interno|externo)|accountantsassistent|bieg(ly|ła) rewident)/i, { near: { accounting: 0.3, controlling: 0.2 } }),
  role('tax', 'tax', /\b(tax (advisor|adviser|consultant|manager|associate|accountant|senior|specialist|analyst)|steuerberat|steuerfachangestellt|steuerfachwirt|fiscaliste|juriste fiscal|asesor fiscal|belastingadviseur|belastingmedewerker|doradca podatkowy|consulente fiscale)/i, { near: { accounting: 0.3 } }),
  role('actuarial', 'actuarial', /\bactuar/i, { near: { 'data-science': 0.2 } }),
  role('investment', 'investment/banking analysis', /\b(investment (analyst|associate|banker|banking|manager)|equity research|portfolio manager|asset management analyst|credit analyst|m&a (analyst|associate)|private equity (analyst|associate)|corporate finance (analyst|associate)|treasury (analyst|manager))/i, { near: { controlling: 0.3 } }),
  role('payroll', 'payroll', /\b(payroll|lohnverrechn|lohnbuchhalt|entgeltabrechn|gestionnaire (de )?paie|n[óo]minas?|salarisadministrat|płac|p[łl]ac\b|wynagrodze[ńn])/i, { near: { accounting: 0.2, hr: 0.2 } }),
  role('controlling', 'controlling/FP&A', /\b(controller|controlling|fp&a|financial (planning|analyst)|contr[ôo]leu?r(se)? de gestion|controll?er de gesti[óo]n)/i, { near: { accounting: 0.3 } }),
  role('accounting', 'accounting', /\b(accountant|accounting|accounts (payable|receivable)|bookkeep|buchhalt|bilanzbuchhalt|finanzbuchhalt|rechnungswesen|comptab|contable|contabil|boekhoud|ksi[ęe]gow|head of finance|financial accountant)/i, { near: { controlling: 0.3, payroll: 0.2 } }),
  role('procurement', 'procurement/buying', /\b(buyer|procurement|purchas(ing|er)|sourcing|category manager|commodity manager|eink[äa]uf|acheteu?r|achats?|comprador|compras|inkoper|inkoop|zakup|kupiec|buyer)/i, {
    // In a prompt, "sourcing candidates" is a recruiter's word: the buying role needs its own nouns.
    prompt: /\b(buyer|procurement|purchas(ing|er)|strategic sourcing|sourcing (manager|specialist|lead)|category manager|commodity manager|eink[äa]uf|acheteu?r|comprador|inkoper|zakup|kupiec)/i,
    near: { 'supply-chain-planning': 0.2 },
  }),
  role('claims', 'insurance claims', /\b(claims?|loss adjuster|schadenregulier|schadensachbearbeit|schadenbearbeit|schadenreferent|sinistres?|siniestros|schadebehandelaar|likwidator)/i, {
    prompt: /\b(claims? (handler|handling|adjuster|specialist|officer|manager|assessor|examiner|consultant|technician)|loss adjuster|schadenregulier|schadensachbearbeit|schadenbearbeit|schadenreferent|gestionnaire (de )?sinistres?|tramitador(a)? de siniestros|schadebehandelaar|likwidator)/i,
    near: { 'contact-centre': 0.2, underwriting: 0.2 },
  }),
  role('underwriting', 'underwriting', /\bunderwrit/i, { near: { claims: 0.2 } }),
  role('collections', 'debt collection', /\b(collections? (agent|officer|specialist)|debt collect|recouvrement|inkasso|windykac)/i),
  // Legal.
  role('paralegal', 'paralegal/legal assistant', /\b(paralegal|legal assistant|assistant\(?e?\)? juridique|rechtsanwaltsfachangestellt|secretar[ií]a? jur[ií]dic)/i, { near: { legal: 0.2, 'litigation-support': 0.3, 'legal-secretary': 0.2 } }),
  role('compliance', 'compliance', /\b(compliance|aml|kyc|lcb-?ft|anti-money laundering|geldw[äa]sche)/i, {
    // "contracts and GDPR compliance" in a lawyer's prompt is their work, not a compliance role.
    prompt: /\b(compliance (officer|manager|analyst|specialist|lead|role|job)|(aml|kyc|lcb-?ft) (analyst|officer|specialist)|anti-money laundering (analyst|officer)|geldw[äa]schebeauftragt|charg[ée]e? de conformit[ée]|responsable (de )?conformit[ée])/i,
    near: { legal: 0.3, regulatory: 0.3 },
  }),
  role('legal', 'legal counsel', /\b(legal counsel|counsel|lawyer|solicitor|attorney|juriste|avocat|jurist|syndikus|rechtsanwalt|abogad|advocaat|bedrijfsjurist|radca prawny|prawnik|avvocat|giurist|head of legal|general counsel|privacy counsel|contract manager|legal)/i, {
    // "Mostly legal and financial texts" in a translator's prompt is the subject, not the role.
    prompt: /\b(legal counsel|counsel\b|lawyer|solicitor|attorney|juriste|avocat|jurist|syndikus|rechtsanwalt|abogad|advocaat|bedrijfsjurist|radca prawny|prawnik|avvocat|giurist|head of legal|general counsel|privacy counsel|in-house legal|legal (advisor|adviser|officer|manager|role|job|position|director))/i,
    near: { compliance: 0.3, paralegal: 0.2 },
  }),
  // People.
  role('fitness', 'fitness coaching', /\b(personal trainer|fitness (instructor|coach|trainer|manager)|gym instructor|yoga (teacher|instructor)|pilates (teacher|instructor)|swimming (teacher|instructor)|sports coach|strength (and|&) conditioning|coach sportif|entrenador personal|monitor de (fitness|gimnasio)|sportinstructeur|trener personalny|istruttore (di )?(fitness|palestra))/i),
  // Hair, barbering and beauty are neighbours, not one trade: a colourist does not do nails.
  role('hairdressing', 'hairdressing', /\b(hairdresser|hair stylist|hair colou?rist|colou?rist\b|colorista|coloriste|friseur|friseurin|coiffeu(r|se)|peluquer[oa]|peluquer[ií]a|kapper|fryzjer|parrucchier)/i, { near: { barbering: 0.5, beauty: 0.2 } }),
  role('barbering', 'barbering', /\b(barbers?\b|barbero|barber[ií]a|barbier|barbiere)/i, { near: { hairdressing: 0.5, beauty: 0.1 } }),
  role('beauty', 'beauty therapy', /\b(beautician|beauty therapist|nail technician|make-?up artist|esthetician|aesthetician|kosmetiker|estheticienne|esth[ée]ticienne|esteticista|t[ée]cnica de u[ñn]as|u[ñn]as\b|schoonheidsspecialist|kosmetyczk|estetista|nails?\b)/i, { near: { hairdressing: 0.2, barbering: 0.1, massage: 0.2 } }),
  role('recruiting', 'recruiting/talent acquisition', /\b(recruit|talent acquisition|head of talent|talent (partner|lead|manager)|sourcer|reclutador|recruteu?r|werving)/i, { near: { hr: 0.3 } }),
  role('learning', 'learning & development', /\b(learning (&|and) development|l&d|trainer|training (coordinator|manager)|formateur|formador)/i, { near: { hr: 0.3, teaching: 0.2 } }),
  role('hr', 'HR', /\b((?<![/$€£\d]\s?)(?<!\b(?:per|an|a|the)\s)hr(?:bp)?\b|hr (generalist|manager|business partner|officer|advisor|adviser|assistant|coordinator|specialist|administrator|lead|director)\b|human resources|people (partner|operations)|head of people|personalreferent|personalleit|ressources humaines|rrhh|recursos humanos|p&o|kadr)/i, { near: { recruiting: 0.3, payroll: 0.2, learning: 0.3 } }),
  // Health.
  role('medicine', 'medicine (doctor)', /\b(physician|doctor\b|general practitioner|\bsalaried gp\b|\bgp (partner|registrar)\b|medical officer|house officer|(specialty|specialist) registrar|consultant (physician|surgeon|psychiatrist|an(a)?esthetist|radiologist|paediatrician|pediatrician)|hospitalist|assistenzarzt|assistenzarztin|facharzt|facharztin|oberarzt|oberarztin|arzt\b|arztin\b|medecins?\b|medico (de familia|especialista|adjunto)|huisarts|basisarts|lekarz\b|medico chirurgo)/i, { near: { nursing: 0.1 } }),
  role('radiography', 'radiography/imaging', /\b(radiographer|radiology technologist|sonographer|mammographer|mri technologist|ct technologist|radiologietechnolog|mtr\b|manipulat(eur|rice) (en )?(electro)?radiologie|tecnico (superior )?(en|de) (imagen|radiodiagnostico)|laborant rontgen|technik elektroradiolog|tecnico di radiologia)/i),
  role('occupational-therapy', 'occupational therapy', /\b(occupational therap|ergotherap|ergotherapeute|terapeuta ocupacional|terapista occupazionale)/i, { near: { physiotherapy: 0.2 } }),
  role('speech-therapy', 'speech and language therapy', /\b(speech (and language )?(therap|patholog)|speech-language patholog|logopad|orthophonist|logopeda|logopedist|logopedista|\bslt\b|\bslp\b)/i, {
    // "SLT, HCPC registered", "SLP (CCC)": the initials therapists and boards write.
    prompt: /\b(speech (and language )?(therap|patholog)|speech-language patholog|logopad|orthophonist|logopeda|logopedist|logopedista|slt|slp)\b/i,
  }),
  role('psychology', 'psychology', /\b(psycholog|psychologue|psicolog)/i, { near: { counselling: 0.4 } }),
  role('optometry', 'optometry/optics', /\b(optometrist|optician|augenoptiker|opticien|optico|optometrista)/i),
  role('dietetics', 'dietetics/nutrition', /\b(dietitian|dietician|nutritionist|ernahrungsberat|dieteticien|dietista|dietist|dietetyk)/i),
  role('lab-science', 'laboratory science', /\b(biomedical scientist|mlt\b|mls\b|medical (lab(oratory)? )?(technician|technologist)|clinical lab(oratory)? (scientist|technologist)|laboratory (technician|scientist|assistant|analyst)|lab (technician|assistant|scientist|analyst)|medizinisch-technische[r]? (labor|assistent)|technicien de laboratoire|tecnico (superior )?de laboratorio|analist(e)? klinisch|diagnosta laboratoryjny|tecnico di laboratorio|phlebotomist|laborant)/i),
  role('medical-admin', 'medical administration', /\b(medical (secretary|receptionist|administrator|coder|records)|gp receptionist|ward clerk|patient (coordinator|administrator|access)|clinic (coordinator|administrator)|secretaire medicale|secretari[oa] (medic|clinic)|doktersassistent administratief)/i, {
    near: { 'office-admin': 0.4, 'medical-assistant': 0.4, reception: 0.3 },
  }),
  role('care-assistant', 'care/nursing assistant', /\b(pflegehelfer|pflegeassistent|healthcare assistant|nursing assistant|care assistant|aide[- ]soignant|auxiliar de enfermer|verzorgende|opiekun|operatore socio|hca\b|(?<!peer )support worker|\bpsw\b|personal support worker|care aide|health care aide|\bcna\b|certified nursing assistant|pr[ée]pos[ée]e? aux b[ée]n[ée]ficiaires|care worker|carer\b|home care (assistant|worker)|domiciliary care|altenpflegehelfer|auxiliar de ayuda a domicilio)/i, { near: { nursing: 0.2 } }),
  role('medical-assistant', 'medical/practice assistant', /\b(medizinische[r]? fachangestellte|mfa\b|doktersassistent|medical assistant|practice assistant|assistante? m[ée]dical|auxiliar administrativo sanitario)/i, { near: { nursing: 0.1 } }),
  role('nursing', 'nursing', /\b(nurse|nursing|rgn|rmn|rn\b|pflegefach|krankenpfleg|krankenschwester|gesundheits- und krankenpfleg|kinderkrankenpfleg|intensivpfleg|infirmi[eè]r|enfermer|verpleegkundig|piel[ęe]gniar|infermier)/i, { near: { 'care-assistant': 0.2 } }),
  role('pharmacy-technician', 'pharmacy technician', /\b(pr[ée]parat(eur|rice)|pharmacy technician|pharmazeutisch-technisch|pta\b|apothekersassistent|t[ée]cnico de farmacia|technik farmac)/i, { near: { pharmacy: 0.1 } }),
  role('pharmacy', 'pharmacy (pharmacist)', /\b(pharmacien|pharmacist|apotheker|farmac[ée]utic|farmacista|farmaceut)/i, { near: { 'pharmacy-technician': 0.1 } }),
  role('massage', 'massage therapy', /\b(masseur|massage therapist|sportmasseur|masajista)/i, { near: { physiotherapy: 0.2 } }),
  role('physiotherapy', 'physiotherapy', /\b(physio|fysiotherap|kinesitherap|kin[ée]sith[ée]rap|fisioterap|fizjoterap|physical therapist|krankengymnast)/i, { near: { massage: 0.2 } }),
  role('social-work', 'social work', /\b(social work|sozialarbeit|sozialp[äa]dagog|travailleu(r|se) social|assistant\(?e?\)? (de service )?social|trabajador\(?a?\)? social|maatschappelijk werk|pracownik socjalny|assistente sociale|case manager|child protection|family services worker)/i, { near: { counselling: 0.3, 'peer-support': 0.2 } }),
  role('peer-support', 'peer support', /\bpeer support\b/i, { near: { 'social-work': 0.2 } }),
  role('counselling', 'counselling/psychotherapy', /\b(counsell?or|psychotherap|therapist)\b/i, { near: { 'social-work': 0.3 } }),
  // Education.
  role('tutoring', 'tutoring', /\b(tutor|nachhilfe|professeur particulier|bijles)/i, { near: { 'primary-teaching': 0.2, teaching: 0.3 } }),
  // Private tutoring at home or online: "cours particuliers", "soutien scolaire", "Nachhilfe". A neighbour of teaching, not a school post.
  role('tutoring', 'private tutoring', /\b(tutor(ing)?\b|nachhilfe|cours particuliers|soutien scolaire|(professeur|enseignant)[^,;|–-]{0,40}(a domicile|en ligne)|clases particulares|profesor(a)? particular|ripetizion|korepetyt|bijles)/i, {
    near: { teaching: 0.3, 'secondary-teaching': 0.2, 'primary-teaching': 0.2 },
  }),
  role('secondary-teaching', 'secondary teaching', /\b(secondary|gymnasiallehr|lyc[ée]e|coll[èe]ge|teacher of (mathematics|maths|english|science|history|physics|chemistry))\b/i, { near: { teaching: 0.5, 'primary-teaching': 0.2 } }),
  role('primary-teaching', 'primary teaching', /\b(primary (school )?teacher|class teacher|ks[12]\b|key stage|year \d teacher|grundschullehr|professeur des [ée]coles|maestr[oa] de primaria|leerkracht basis|nauczyciel(ka)? (edukacji wczesnoszkolnej|klas)|primary teacher)/i, {
    // "Pas le primaire", "not primary": the level alone names it in a prompt, not in a title ("Primary Care Nurse").
    prompt: /\b(primary (school )?teacher|class teacher|grundschullehr|professeur des [ée]coles|maestr[oa] de primaria|leerkracht basis|(le|au|du|en) primaire|primaire|primary (school|level|teaching|education)|(educacion|escuela|ensino) primari[ao]|grundschule|basisonderwijs|szko[lł]a podstawowa|scuola primaria)\b/i,
    near: { teaching: 0.8, 'secondary-teaching': 0.2 },
  }),
  role('teaching', 'teaching', /\b(teacher|lehrer|enseignant|professeu?r|profesor|docent|leraar|nauczyciel|insegnante|teaching (?:english|esl|efl)|tefl|celta\b|eikaiwa)/i, { near: { 'primary-teaching': 0.8, 'secondary-teaching': 0.8 } }),
  // Trades and logistics.
  role('construction-trades', 'construction trades', /\b(bricklayer|plasterer|tiler|roofer|scaffolder|groundworker|steel fixer|dryliner|labourer|construction (worker|operative)|maurer|fliesenleger|dachdecker|geruestbauer|trockenbauer|macon|plaquiste|couvreur|carreleur|albanil|alicatador|yesero|metselaar|stukadoor|dakdekker|tegelzetter|murarz|tynkarz|dekarz|glazurnik|muratore|piastrellista)/i, { near: { carpentry: 0.2 } }),
  role('gardening', 'gardening/landscaping', /\b(gardener|landscaper|groundskeeper|grounds (maintenance|person)|arborist|tree surgeon|horticultur|gartner|landschaftsgartner|jardinier|paysagiste|jardiner[oa]|hovenier|ogrodnik|giardiniere)/i),
  role('rail', 'rail operations', /\b(train (driver|conductor|manager|guard)|railway (operative|signaller|engineer)|signaller|locomotive|triebfahrzeugfuhrer|lokfuhrer|zugbegleit|conducteur de train|maquinista|machinist(e)? (trein|ns)|conducteur (ns|trein)|maszynista)/i),
  role('taxi-driving', 'taxi/chauffeur driving', /\b(taxi driver|private hire driver|chauffeur\b(?![- ]?(poids|pl\b|spl|livreur|super))|uber driver|cab driver|taxifahrer|chauffeur vtc|conductor (vtc|de taxi)|taxichauffeur|kierowca taxi)/i, { near: { courier: 0.2 } }),
  role('electrical-design', 'electrical design/estimating', /\b(electrical (design )?engineer|electrical estimator|estimator)\b/i, { near: { electrician: 0.1 } }),
  role('solar', 'solar PV installation', /\b(solarteur|(pv|solar|photovoltai\w*)[- ]?(installer|monteur|montage|techniker|technician|fitter|elektriker|elektroniker|fachkraft)|(servicetechniker|monteur|installer|technician|techniker|elektriker|elektroniker)\w*\W+(f[üu]r\s+)?(pv\b|solar|photovoltai\w*)|instalador(a)? (de )?(placas solares|paneles solares|fotovoltaic\w*)|installateur (photovolta\w*|solaire|de panneaux)|zonnepane\w*monteur|monter (instalacji )?fotowoltai\w*|installatore (di )?(impianti )?fotovoltaic\w*)/i, { near: { electrician: 0.5 } }),
  role('electrician', 'electrician', /\b(electrician|sparky|sparkie|elektriker|[ée]lectricien|electricista|elektricien|elektryk|elettricista|electrical (improver|supervisor|technician)|wireman)/i, { near: { maintenance: 0.4 } }),
  role('hvac', 'HVAC service', /\b(hvac|refrigeration|air[- ]condition|heat pump|k[äa]ltetechnik|klimatechnik|frigoriste|climatizaci)/i, { near: { maintenance: 0.3 } }),
  role('gas-engineering', 'gas/heating engineering', /\b(gas (safe )?(engineer|fitter|technician)|boiler (service |breakdown |repair |installation )?(engineer|technician|fitter)|heating (and plumbing )?engineer|gasfitter|gas-?installateur|cv-monteur|heizungsbauer|anlagenmechaniker shk|chauffagiste)/i, { near: { plumbing: 0.5, hvac: 0.3 } }),
  role('plumbing', 'plumbing', /\b(plumber|klempner|installateur sanit|plombier|fontanero|loodgieter|hydraulik|idraulico)/i, { near: { hvac: 0.2 } }),
  role('security-systems', 'fire & security systems', /\bfire (&|and) security\b/i, { near: { electrician: 0.2 } }),
  role('maintenance', 'maintenance technician', /\b(maintenance (technician|engineer|tech)|haustechnik|technicien de maintenance|t[ée]cnico de mantenimiento|onderhoudsmonteur)/i, { near: { electrician: 0.4, hvac: 0.3 } }),
  role('dispatch', 'transport planning/dispatch', /\b(dispatcher|dyspozytor|spedytor|transport ?plann(er|ing)|route planner|load planner|traffic (planner|clerk|office)|disponent|planificador de transporte|affr[ée]teur|planificat(eur|rice) transport|planner transport|vervoersplanner)/i, {
    near: { 'truck-driving': 0.1, 'supply-chain-planning': 0.3, 'transport-management': 0.3 },
  }),
  // Nordic titles glue the vehicle to the driver ("Nattbuss-sjåfør", "Bussförare"); titles are matched without accents.
  role('bus-driving', 'bus driving', /\b(bus driver|kierowca autobus|busfahrer|conducteur de bus|conductor de autob[uú]s|autista (di )?(autobus|bus)\b|motorista de (autocarro|onibus))|bus+-?(sjaf[øo]r|chauff?(eur|[øo]r)|forare)\b/i, { near: { 'truck-driving': 0.2 } }),
  role('courier', 'courier/van driving', /\b(courier|kurier|van driver|delivery driver|kat\.? b\b|livreur|repartidor)/i, { near: { 'truck-driving': 0.2 } }),
  role('truck-driving', 'truck driving', /\b(truck driver|hgv|lorry driver|lastebilsjaf[øo]r|vogntogsjaf[øo]r|lastbil(s)?(chauff[øo]r|forare)|c\+e|kierowca|lkw|berufskraftfahrer|chauffeur (poids lourd|pl|spl)|conductor de cami[óo]n|vrachtwagenchauffeur|autista|camionero)/i, {
    // "Planning routes for a fleet of 40 HGVs" names the trucks, not the job.
    prompt: /\b(truck driver|hgv (class [12] |c\+?e )?driver|lorry driver|driver,? (hgv|c\+e|class [12])|c\+e|kierowca|lkw[- ]?fahrer|berufskraftfahrer|chauffeur (poids lourd|pl|spl)|conductor de cami[óo]n|vrachtwagenchauffeur|autista|camionero)/i,
  }),
  role('warehouse-worker', 'warehouse work', /\b(magazynier|forklift|order picker|warehouse (operative|associate|worker)|lagerist|lagermitarbeit|cariste|preparador de pedidos|orderpicker|operator w[óo]zka)/i, { near: { 'warehouse-ops': 0.1 } }),
  role('supply-chain-planning', 'supply-chain planning', /\b(supply chain (planner|planning|analyst|manager|coordinator|specialist)|demand planner|supply planner|s&op|materials? planner|production planner|inventory (planner|analyst)|planificateur|disponent)/i, { near: { 'warehouse-ops': 0.1, procurement: 0.2, dispatch: 0.3 } }),
  role('warehouse-ops', 'warehouse/logistics operations', /\b(operations? manager|operationeel manager|site manager|warehouse manager|shift manager|teamleider|fulfil?ment|warehouse|magazijn|logistiek|logistics (manager|supervisor|team lead(er)?|coordinator)|(inbound|outbound) (manager|supervisor|team lead(er)?)|distribution (centre|center) manager|lagerleit|logistikleit|responsable (d'entrep[ôo]t|logistique)|jefe de almac[ée]n|kierownik magazynu)/i, {
    prompt: /\b(operations? manager|warehouse|fulfil?ment cent(re|er)|logistics operations|magazijn|lagerleit|logistikleit)/i,
  }),
  // Hospitality and events.
  role('night-audit', 'night audit', /\bnight audit/i, { near: { reception: 0.3, 'front-office-management': 0.2 } }),
  role('front-office-management', 'front office management', /\b(front office (manager|supervisor)|assistant front office|capo ricevimento|responsabile front office|jefe de recepci[óo]n|chef de r[ée]ception|empfangsleit|guest relations manager)/i, { near: { reception: 0.3, 'hotel-management': 0.3, 'night-audit': 0.1 } }),
  role('reception', 'hotel reception', /\b(reception|receptionist|front desk|portier|addett[oa] al ricevimento|recepcionista|r[ée]ceptionniste|rezeption)/i, { near: { 'front-office-management': 0.3 } }),
  role('hotel-management', 'hotel management', /\b(hotel manager|direttore d'albergo|direttore hotel|general manager|hoteldirekt|directeur d'h[ôo]tel|director de hotel|reservations manager)/i, { near: { 'front-office-management': 0.3 } }),
  role('pastry', 'pastry', /\b(pastry|p[âa]tissi|pasteler|pastisser|konditor)/i, { near: { 'kitchen-senior': 0.2, 'kitchen-line': 0.2 } }),
  role('kitchen-head', 'head chef', /\b(head chef|executive chef|chef de cuisine|jef[ea]\/?a? de cocina|cap de cuina|k[üu]chenchef|chef di cucina)\b/i, { near: { 'kitchen-senior': 0.5, 'kitchen-line': 0.1 } }),
  role('kitchen-senior', 'sous chef', /\b(sous[- ]chef|segund[oa]\/?a? de cocina|segon\/?a? de cuina|second de cuisine|souschef|stellvertretende[r]? k[üu]chenchef|sous chef)/i, { near: { 'kitchen-head': 0.5, 'kitchen-line': 0.3 } }),
  role('kitchen-line', 'line cook/chef de partie', /\b(chef de partie|jef[ea]\/?a? de partida|cap de partida|cocinero|cuiner|line cook|cook|koch|k[öo]chin|cuisinier|commis|kok|kucharz|cuoco)/i, { near: { 'kitchen-senior': 0.3 } }),
  role('wedding-planning', 'wedding/private event planning', /\b(hochzeitsplan|wedding planner|wedding)/i, { near: { events: 0.3 } }),
  role('exhibition-build', 'exhibition stand building', /\b(messebau|stand build|exhibition build)/i, { near: { events: 0.2 } }),
  role('events', 'event management', /\b(event|events|veranstaltung|kongress|congress|conference manager|[ée]v[ée]nementiel|eventos|evenementen)/i, {
    // "Event-driven systems" in a backend prompt is not an events job.
    prompt: /\b(events? (manager|management|planner|planning|coordinator|producer|organi[sz]er|agency|agencies|role|job)|veranstaltungs(manager|kauf|planer|organisation|management)|eventmanag|kongress(manager|organisation)|conference (manager|producer|organi[sz]er)|[ée]v[ée]nementiel|(gestor|organizador|coordinador)a? de eventos|evenementen(manager|coordinator|organisatie)|event ?manager)/i,
    near: { 'project-management': 0.3, 'wedding-planning': 0.3 },
  }),
  role('agile-delivery', 'agile delivery (scrum master)', /\b(scrum master|agile coach|(agile|scrum|software|it|digital) delivery (lead|manager)|release train engineer)/i, { near: { 'project-management': 0.4 } }),
  role('project-management', 'project management', /\b(project manager|projektleit|projektmanag|chef de projet|jefe de proyecto|projectleider|kierownik projektu|project lead)/i, { near: { events: 0.2 } }),
  // Quality and hardware engineering outside software.
  role('supplier-quality', 'quality engineering (non-software)', /\b(supplier quality|quality engineer|qualit[äa]tsingenieur|ing[ée]nieur qualit[ée])/i),
  role('hardware', 'hardware/electronics engineering', /\b(hardware (design )?engineer|pcb|fpga|asic|vhdl|verilog|electronics engineer)\b/i, { near: { embedded: 0.2 } }),
  // IT operations.
  role('it-management', 'IT management', /\b(director of it|it director|head of it|it manager|\bcio\b|chief information officer|director of (it|technology) operations|it operations manager|it-leiter|leiter (der )?it|responsable informatique|\bdsi\b|director de sistemas|jefe de sistemas|it-manager|kierownik (dzialu )?it)/i, {
    near: { 'it-support': 0.2 },
  }),
  role('network', 'network engineering', /\b(network (engineer|administrator)|netzwerk|ccnp|ccna)/i, { near: { 'it-support': 0.3, sysadmin: 0.4 } }),
  role('sysadmin', 'system administration', /\b(system ?administrat|sysadmin|systeembeheerder|administrateur syst[èe]me)/i, { near: { 'it-support': 0.5, network: 0.4, devops: 0.3 } }),
  role('it-support', 'IT support', /\b(it support|it helpdesk|helpdesk|help desk|service ?desk|servicedesk|desktop support|support it|technicien support|support technician|(1st|2nd|3rd|first|second|third|1e|2e|2de|1ste)[- ]line|modern workplace|workplace engineer|field service technician|it technician|technik it|informaticien support)/i, {
    near: { sysadmin: 0.5, network: 0.3, support: 0.3, 'it-management': 0.2 },
  }),
  // Office and back-office work (after the finance, legal and people families whose clerks and
  // administrators they would otherwise take).
  role('office-admin', 'office administration/data entry', /\b(data entry|data[- ]?typist|data (capture|processing) (clerk|operator|assistant)|back[- ]?office|document (controller|processing)|admin(istrative|istration)? (assistant|clerk|officer|support|coordinator|executive)|office (assistant|administrator|clerk|coordinator|junior)|(?<!(database|system|systems|network|salesforce|crm|sql|linux|windows|cloud|it|ict|domain) )administrator\b|clerk\b|sachbearbeiter|burokauf|burokraft|kaufmannische[r]? (angestellte|sachbearbeit|assistent|mitarbeit)|verwaltungsangestellt|assistant(e)? administrati|agent administratif|employe(e)? administrati|administrativ[oa]\b|auxiliar administrativ|administratief medewerker|pracownik biurowy|specjalista ds\.? administracji|impiegat[oa] amministrativ|assistente administrativ|operador de dados)/i, {
    near: { 'executive-assistant': 0.4, reception: 0.2, 'school-admin': 0.3 },
  }),
  role('executive-assistant', 'executive/personal assistance', /\b(executive assistant|personal assistant|\bpa to\b|office manager|team assistant|secretary|sekretar|assistant(e)? de direction|secretari[oa] de direccion|directiesecretaresse|managementassistent|officemanager|asystent(ka)? zarzadu|assistente di direzione)/i, { near: { 'office-admin': 0.4 } }),
  role('property-management', 'property/lettings', /\b(property manager|letting(s)? (agent|negotiator|manager)|estate agent|real estate (agent|broker)|corretor(a)?( de im[óo]veis)?\b|(especialista|consultor(a)?|vendedor(a)?|assessor(a)?) (de )?vendas imobili\w*|hausverwalt|immobilienmakler|immobilienkauf|agent immobilier|gestionnaire (de )?(copropriete|locatif)|agente inmobiliario|makelaar|posrednik nieruchomosci|zarzadca nieruchomosci|agente immobiliare)/i),
  role('facilities', 'facilities management', /\b(facilit(y|ies) (manager|coordinator|supervisor|management)|objektleit|responsable (des )?services generaux|facility manager)/i, { near: { maintenance: 0.2 } }),
  role('financial-advice', 'financial advice', /\b(financial (advisor|adviser|planner)|mortgage (advisor|adviser|broker)|wealth (manager|advisor|adviser)|independent financial|finanzberat|conseiller (en )?(patrimoine|gestion de patrimoine)|asesor financiero|financieel adviseur|doradca finansowy|consulente finanziario)/i),
  role('travel-consulting', 'travel consulting', /\b(travel (consultant|agent|advisor|adviser)|reiseverkehrskauf|reiseberater|agent de voyages|agente de viajes|reisadviseur)/i),
  // Customer support before the software families: a "Customer Support Team Lead" leads support, not engineers.
  role('support', 'customer support', /\b(support (agent|specialist|engineer|representative|associate|advisor|team)|customer (support|service|care)|customer experience (associate|agent|specialist|advisor|representative)|help ?(cent(er|re)|desk) (agent|specialist)|customer happiness|kundenservice|kundenbetreu|servicio al cliente|atencion al cliente|service client|conseill(er|ere) client|klantenservice|obsluga klienta|assistenza clienti)/i, { prompt: /\b(customer support|support (agent|specialist)|customer (service|care)|customer experience (agent|specialist)|kundenservice|service client|atencion al cliente|klantenservice)\b/i, near: { 'it-support': 0.3, 'contact-centre': 0.5 } }),
  // Software and data.
  role('management', 'engineering management', /\b(engineering manager|head of engineering|vp,? (of )?engineering|cto|director,? (of )?(software )?engineering|engineering director|team lead(?!er)|tech lead manager|manager,? (software )?engineering|software (development|engineering) manager|development manager|engineering (team )?(manager|lead)|head of (software|development)|teamleit(er|erin|ung) (software|entwicklung|softwareentwicklung)|leiter(in)? (der )?softwareentwicklung|responsable d'equipe (developpement|logiciel))\b/i, {
    prompt: /\b(engineering manager|manager of engineers|people manager|head of engineering|management role|people management)\b/i,
    software: true,
  }),
  role('product', 'product management', /\bproduct (manager|owner)\b/i),
  // Designers who are not product designers: a print or brand designer is not a UX/UI designer.
  role('graphic-design', 'graphic/visual design', /\b(graphic designer|grafikdesigner|grafiker(in)?\b|mediengestalter|graphiste|dise[ñn]ador(a)? gr[áa]fic|grafisch ontwerper|grafik komputerowy|visual designer|brand designer|print designer|packaging designer|graphic design)/i, { near: { design: 0.3 } }),
  role('interior-design', 'interior design', /\b(interior designer|innenarchitekt|architecte d'interieur|dise[ñn]ador(a)? de interiores|interieurontwerper|projektant wnetrz)/i, { near: { architecture: 0.2 } }),
  role('fashion-design', 'fashion design', /\b(fashion designer|modedesigner|styliste (de mode|modeliste)|dise[ñn]ador(a)? de moda|modeontwerper)/i, { near: { 'graphic-design': 0.1 } }),
  role('design', 'product/UX design', /\b(designer|dise[ñn]ador|ontwerper|projektant)/i, { prompt: /\b(designer|ux(?![ -]?research)|ui\/ux)\b/i, near: { 'graphic-design': 0.3, 'ux-research': 0.2 } }),
  role('art', 'art', /\b(artist|animator|illustrator)\b/i, { prompt: /\b(3d artist|artist|animator)\b/i }),
  role('data-analysis', 'data analysis', /\b(data (analyst|analist|analytics)|bi (analyst|developer)|business intelligence|(product|insights?|marketing|reporting|business) (data )?analyst|analityk|analista de datos|analyste de donn[ée]es|datenanalyst)/i, {
    prompt: /\b(data analyst|data analysis|bi analyst|business intelligence|analityk|analista de datos)/i,
    near: { 'data-science': 0.3, 'data-engineering': 0.2 },
    software: true,
  }),
  role('data-engineering', 'data engineering', /\b(data engineer|analytics engineer|etl developer|data platform engineer|datenengineer)/i, { near: { backend: 0.35, 'data-analysis': 0.2, software: 0.4 }, software: true }),
  role('ml', 'machine learning engineering', /\b(machine learning|ml engineer|mlops|nlp engineer|ai engineer|llm engineer|ml\b)/i, {
    prompt: /\b(machine learning|ml engineer|mlops|nlp engineer|ai engineer|llm engineer)\b/i,
    near: { 'data-science': 0.5, backend: 0.35, software: 0.4 },
    software: true,
  }),
  role('data-science', 'data science', /\b(data scien|decision scien|applied scien|research scien|computer vision scien|statistician|data science)/i, { near: { ml: 0.5, 'data-analysis': 0.3 }, software: true }),
  role('marketing', 'marketing', /\b(marketing|marketer|seo|sem|ppc|paid (social|search|media)|brand manager|growth (manager|lead|hacker)|campaign (manager|executive)|crm (marketing|executive)|demand generation|mercadotecnia|marketeer|marknads(chef|ansvarig|koordinator|f[öo]rare)|markedsf[øo]r\w*|markkinoin\w*)\b/i, { near: { 'content-writing': 0.5 } }),
  role('fullstack', 'full-stack engineering', /\b(full[- ]?stack)\b/i, { near: SOFTWARE_NEAR.fullstack, software: true }),
  role('backend', 'backend engineering', /\b(backend|back[- ]end|server[- ]side|api engineer)\b/i, { prompt: /\b(backend|back[- ]end|server[- ]side)\b/i, near: SOFTWARE_NEAR.backend, software: true }),
  role('frontend', 'frontend engineering', /\b(frontend|front[- ]end|ui engineer|web developer|(react|vue(\.js)?|nuxt(\.js)?|angular|svelte) (developer|engineer|contractor|freelancer|consultant))\b/i, { prompt: /\b(frontend|front[- ]end)\b/i, near: SOFTWARE_NEAR.frontend, software: true }),
  role('mobile', 'mobile development', /\b(ios|android|mobile|react native|flutter)\b/i, { prompt: /\b(mobile (developer|engineer)|ios|android)\b/i, near: SOFTWARE_NEAR.mobile, software: true }),
  role('games', 'game programming', /\b(gameplay|game programmer|game developer|unreal|unity developer|programmeur?(·?euse|\(se\))? gameplay|engine programmer|tools programmer|game designer)/i, {
    prompt: /\b(gameplay|game (developer|programmer))/i,
    near: SOFTWARE_NEAR.games,
    software: true,
  }),
  role('embedded', 'embedded software', /\b(embedded|firmware|autosar|bare metal|rtos)/i, { near: SOFTWARE_NEAR.embedded, software: true }),
  role('database', 'database administration', /\b(database administrator|\bdba\b|database (engineer|reliability engineer)|datenbankadministrat|administrateur (de )?bases? de donnees|administrador de bases de datos)/i, { near: { 'data-engineering': 0.3, sysadmin: 0.3, backend: 0.2 }, software: true }),
  role('solutions-architecture', 'solutions/cloud architecture', /\b(solutions? architect|cloud architect|enterprise architect|technical architect|software architect|data architect|integration architect|it architect)/i, {
    near: { backend: 0.5, devops: 0.5, platform: 0.5, software: 0.6, 'data-engineering': 0.3 },
    software: true,
  }),
  role('security', 'security engineering', /\b(security engineer|appsec|penetration tester)\b/i, { near: SOFTWARE_NEAR.security, software: true }),
  role('qa', 'QA/testing', /\b(qa|quality assurance|test automation|sdet|tester|testing|developer in test|tester manualny)/i, { prompt: /\b(qa|test automation|quality assurance)\b/i, near: SOFTWARE_NEAR.qa, software: true }),
  role('devops', 'DevOps/infrastructure', /\b(devops|sre|site reliability|cloud engineer|systems engineer)\b/i, { prompt: /\b(devops|sre|site reliability)\b/i, near: SOFTWARE_NEAR.devops, software: true }),
  role('platform', 'platform engineering', /\b(platform|infrastructure)\b/i, { prompt: /\b(platform engineer|infrastructure engineer)\b/i, near: SOFTWARE_NEAR.platform, software: true }),
  role('software', 'software engineering', /\b(software|developer|programmer|programista|entwickler|d[ée]veloppeu?r|desarrollador|ontwikkelaar|sviluppatore)\b/i, {
    // And in the users' languages: "Desarrollador Odoo", "Systemutvecklare", "vývojář".
    prompt: /\b(software engineer|software developer|developer|programmer|desarrollador(?:a)?|programador(?:a)?|desenvolvedor(?:a)?|entwickler(?:in)?|d[ée]veloppeu(?:r|se)|ontwikkelaar|sviluppat(?:ore|rice)|programista|v[yý]voj[aá][rř]\w*|program[aá]tor|fejleszt[oő]|\w*utvecklare|\w*udvikler|\w*utvikler|ohjelmoija|kehitt[aä]j[aä])(?![\w\u00C0-\u024F])/i,
    near: SOFTWARE_NEAR.software,
    software: true,
  }),
];

/** Titles and prompts are matched without accents: "Übersetzer:in" and "Ubersetzer" alike. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export type RoleFamily = string;
/** A title matched no rule: the scorer cannot tell the role. */
export const UNKNOWN_ROLE = 'unknown';

export const FAMILY_LABELS: Readonly<Record<string, string>> = Object.fromEntries([...ROLES.map((r) => [r.id, r.label]), [UNKNOWN_ROLE, 'unrecognised']]);

/** [family, pattern, context]: the pattern names the family when the context (if any) is in the rest of the text too. */
export type FamilyRule = readonly [RoleFamily, RegExp, RegExp | undefined];
export const TITLE_FAMILY_RULES: readonly FamilyRule[] = ROLES.map((r) => [r.id, r.title, r.context] as const);
export const PROMPT_FAMILY_RULES: readonly FamilyRule[] = ROLES.map((r) => [r.id, r.prompt ?? r.title, r.context] as const);
export const SOFTWARE_FAMILIES: ReadonlySet<string> = new Set(ROLES.filter((r) => r.software).map((r) => r.id));

/** Where a family's own title rule reads this title (folded), or null. */
export function familyTitleSpan(family: RoleFamily, title: string): { start: number; end: number } | null {
  const term = ROLES.find((r) => r.id === family);
  const match = term?.title.exec(foldAccents(title));
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

// A title that names a domain and then another job ("HVAC Project Manager", "Solar PV Sales
// Consultant", "Nurse Recruiter") is that other job: English puts the job last. Only these
// families are read as such a head, and only when their words stand apart from the domain's.
const HEAD_FAMILIES: readonly RoleFamily[] = ['project-management', 'sales', 'recruiting'];
// After the head only words of level or kind may follow before the title ends or turns to place, hours or contract.
const HEAD_TAIL = /^(\s+(manager|lead|consultant|advisor|adviser|executive|representative|specialist|partner|officer|coordinator|engineer|senior|junior|i{1,3}|\(m\/w\/d\)|\(h\/f\)))*\s*($|[-–—|,(/:])/i;

/** The family a title's last words name when it differs from the domain its first words name, or null. */
export function headFamilyOf(title: string, first: RoleFamily): RoleFamily | null {
  if (HEAD_FAMILIES.includes(first)) return null;
  const folded = foldAccents(title);
  const domain = familyTitleSpan(first, folded);
  if (!domain) return null;
  for (const head of HEAD_FAMILIES) {
    const span = familyTitleSpan(head, folded);
    if (!span || span.start < domain.end) continue;
    if (/\bsales ledger\b/i.test(folded)) continue;
    if (HEAD_TAIL.test(folded.slice(span.end))) return head;
  }
  return null;
}

/** Words many roles share ("Embedded Software Engineer" and "mechanical design engineer"): they do not name a role. */
export const GENERIC_ROLE_WORDS: ReadonlySet<string> = new Set([
  'engineer', 'engineering', 'manager', 'management', 'specialist', 'assistant', 'officer', 'consultant', 'analyst', 'coordinator', 'senior', 'junior',
  'director', 'executive', 'associate', 'technician', 'worker', 'operator', 'administrator', 'advisor', 'adviser', 'supervisor', 'leader', 'expert',
  'professional', 'developer', 'registered', 'qualified', 'experienced', 'freelance', 'contract', 'remote',
]);

/** Whether a family's own title rule reads this title (before more specific families take it). */
export function familyTitleMatches(family: RoleFamily, title: string): boolean {
  const term = ROLES.find((r) => r.id === family);
  return term !== undefined && term.title.test(foldAccents(title));
}

/** How well a job's family serves a wanted family (1 = the same thing, 0 = unrelated). */
export function familyCompatibility(wanted: RoleFamily, job: RoleFamily): number {
  if (wanted === job) return 1;
  const term = ROLES.find((r) => r.id === wanted);
  return term?.near?.[job] ?? 0;
}
