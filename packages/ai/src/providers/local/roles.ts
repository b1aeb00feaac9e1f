// Role vocabulary across professions: which family a job title belongs to, and which family a
// prompt asks for. Titles are matched in the languages JobPing's users write in (EN, DE, FR, ES,
// NL, PL, IT, CA). Order matters for titles: the first rule that matches wins, so specific
// neighbours ("Sales Operations Manager", "Pharmacien affaires réglementaires") come before the
// broad family they would otherwise fall into. German stems carry no trailing \b so that
// gendered forms ("Buchhalter:in", "Übersetzer/in") match too.
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
  role('sales-ops', 'sales/revenue operations', /\b(sales|revenue|commercial) op(eration)?s\b|\brevops\b|\bsales operations?\b|\b(sales|commercial|revenue) analyst\b|\bcrm (manager|analyst|administrator|specialist)\b|\bdeal desk\b|\bsalesforce (admin|administrator)\b/i, { near: { 'data-analysis': 0.2, sales: 0.1 } }),
  role('sales-development', 'sales development (SDR/BDR)', /\b(sdr|bdr|sales development|business development rep(resentative)?)\b/i, { near: { sales: 0.3 } }),
  role('customer-success', 'customer success', /\bcustomer success\b/i, { near: { sales: 0.2, support: 0.4 } }),
  role('contact-centre', 'contact-centre work', /\b(call[- ]?cent(re|er)|contact[- ]?cent(re|er)|customer service (advisor|agent|representative)|fnol)\b/i, { near: { support: 0.5, claims: 0.2 } }),
  role('regulatory', 'regulatory affairs', /\b(regulatory affairs|affaires r[ée]glementaires|asuntos regulatorios|zulassung)/i, { near: { compliance: 0.3 } }),
  role('pharma-sales', 'pharmaceutical sales', /\b(d[ée]l[ée]gu[ée]\(?e?\)? (pharmaceutique|m[ée]dical)|visiteu?r(se)? m[ée]dical|medical (sales )?rep(resentative)?|pharmareferent|visitador m[ée]dico|informatore scientifico)/i, { near: { sales: 0.5 } }),
  role('hvac-sales', 'HVAC sales (comfort advisor)', /\bcomfort (advisor|consultant)\b/i, { near: { sales: 0.6, hvac: 0.1 } }),
  role('edtech-sales', 'education sales', /\bed ?tech sales\b|\beducation consultant\b/i, { near: { sales: 0.7 } }),
  role('sales', 'sales', /\b(sales|account (manager|executive)|business development|verkaufsleiter|vertrieb|commercial(e)? (sédentaire|terrain)|ventas|verkoper|handlowiec|sponsoring)/i, {
    prompt: /\b(sales|account (manager|executive)|business development|closing role|quota[- ]carrying|vertrieb|ventas)\b/i,
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
  role('content-writing', 'content/copy writing', /\b(ux writer|copywriter|content (writer|marketing|strategist|designer)|redakteur|r[ée]dact(eur|rice)|editor)\b/i, { near: { 'technical-writing': 0.3, marketing: 0.5 } }),
  role('devrel', 'developer relations', /\b(developer advocate|devrel|developer relations)\b/i),
  // Finance.
  role('payroll', 'payroll', /\b(payroll|lohnverrechn|lohnbuchhalt|entgeltabrechn|gestionnaire (de )?paie|n[óo]minas?|salarisadministrat|p[łl]ac)/i, { near: { accounting: 0.2, hr: 0.2 } }),
  role('controlling', 'controlling/FP&A', /\b(controller|controlling|fp&a|financial (planning|analyst)|contr[ôo]leu?r(se)? de gestion|controll?er de gesti[óo]n)/i, { near: { accounting: 0.3 } }),
  role('accounting', 'accounting', /\b(accountant|accounting|accounts (payable|receivable)|bookkeep|buchhalt|bilanzbuchhalt|finanzbuchhalt|rechnungswesen|comptab|contable|contabil|boekhoud|ksi[ęe]gow|head of finance|financial accountant)/i, { near: { controlling: 0.3, payroll: 0.2 } }),
  role('procurement', 'procurement/buying', /\b(buyer|procurement|purchas(ing|er)|sourcing|category manager|commodity manager|eink[äa]uf|acheteu?r|achats?|comprador|compras|inkoper|inkoop|zakup|kupiec|buyer)/i, { near: { 'supply-chain-planning': 0.2 } }),
  role('claims', 'insurance claims', /\b(claims?|loss adjuster|schadenregulier|schadensachbearbeit|sinistres?|siniestros|schadebehandelaar|likwidator)/i, { near: { 'contact-centre': 0.2, underwriting: 0.2 } }),
  role('underwriting', 'underwriting', /\bunderwrit/i, { near: { claims: 0.2 } }),
  role('collections', 'debt collection', /\b(collections? (agent|officer|specialist)|debt collect|recouvrement|inkasso|windykac)/i),
  // Legal.
  role('paralegal', 'paralegal/legal assistant', /\b(paralegal|legal assistant|assistant\(?e?\)? juridique|rechtsanwaltsfachangestellt|secretar[ií]a? jur[ií]dic)/i, { near: { legal: 0.2 } }),
  role('compliance', 'compliance', /\b(compliance|aml|kyc|lcb-?ft|anti-money laundering|geldw[äa]sche)/i, { near: { legal: 0.3, regulatory: 0.3 } }),
  role('legal', 'legal counsel', /\b(legal counsel|counsel|lawyer|solicitor|attorney|juriste|avocat|jurist|syndikus|rechtsanwalt|abogad|advocaat|bedrijfsjurist|radca prawny|prawnik|avvocat|giurist|head of legal|general counsel|privacy counsel|contract manager|legal)/i, { near: { compliance: 0.3, paralegal: 0.2 } }),
  // People.
  role('recruiting', 'recruiting/talent acquisition', /\b(recruit|talent acquisition|sourcer|reclutador|recruteu?r|werving)/i, { near: { hr: 0.3 } }),
  role('learning', 'learning & development', /\b(learning (&|and) development|l&d|trainer|training (coordinator|manager)|formateur|formador)/i, { near: { hr: 0.3, teaching: 0.2 } }),
  role('hr', 'HR', /\b(hr|hrbp|human resources|people (partner|operations)|head of people|personalreferent|personalleit|ressources humaines|rrhh|recursos humanos|p&o|kadr)/i, { near: { recruiting: 0.3, payroll: 0.2, learning: 0.3 } }),
  // Health.
  role('care-assistant', 'care/nursing assistant', /\b(pflegehelfer|pflegeassistent|healthcare assistant|nursing assistant|care assistant|aide[- ]soignant|auxiliar de enfermer|verzorgende|opiekun|operatore socio|hca\b)/i, { near: { nursing: 0.2 } }),
  role('medical-assistant', 'medical/practice assistant', /\b(medizinische[r]? fachangestellte|mfa\b|doktersassistent|medical assistant|practice assistant|assistante? m[ée]dical|auxiliar administrativo sanitario)/i, { near: { nursing: 0.1 } }),
  role('nursing', 'nursing', /\b(nurse|nursing|pflegefach|krankenpfleg|krankenschwester|gesundheits- und krankenpfleg|kinderkrankenpfleg|intensivpfleg|infirmi[eè]r|enfermer|verpleegkundig|piel[ęe]gniar|infermier)/i, { near: { 'care-assistant': 0.2 } }),
  role('pharmacy-technician', 'pharmacy technician', /\b(pr[ée]parat(eur|rice)|pharmacy technician|pharmazeutisch-technisch|pta\b|apothekersassistent|t[ée]cnico de farmacia|technik farmac)/i, { near: { pharmacy: 0.1 } }),
  role('pharmacy', 'pharmacy (pharmacist)', /\b(pharmacien|pharmacist|apotheker|farmac[ée]utic|farmacista|farmaceut)/i, { near: { 'pharmacy-technician': 0.1 } }),
  role('massage', 'massage therapy', /\b(masseur|massage therapist|sportmasseur|masajista)/i, { near: { physiotherapy: 0.2 } }),
  role('physiotherapy', 'physiotherapy', /\b(physio|fysiotherap|kinesitherap|kin[ée]sith[ée]rap|fisioterap|fizjoterap|physical therapist|krankengymnast)/i, { near: { massage: 0.2 } }),
  role('social-work', 'social work', /\b(social work|sozialarbeit|sozialp[äa]dagog|travailleu(r|se) social|assistant\(?e?\)? (de service )?social|trabajador\(?a?\)? social|maatschappelijk werk|pracownik socjalny|assistente sociale|case manager|child protection|family services worker)/i, { near: { counselling: 0.3, 'peer-support': 0.2 } }),
  role('peer-support', 'peer support', /\bpeer support\b/i, { near: { 'social-work': 0.2 } }),
  role('counselling', 'counselling/psychotherapy', /\b(counsell?or|psychotherap|therapist)\b/i, { near: { 'social-work': 0.3 } }),
  // Education.
  role('tutoring', 'tutoring', /\b(tutor|nachhilfe|professeur particulier|bijles)/i, { near: { 'primary-teaching': 0.2, teaching: 0.3 } }),
  role('secondary-teaching', 'secondary teaching', /\b(secondary|gymnasiallehr|lyc[ée]e|coll[èe]ge|teacher of (mathematics|maths|english|science|history|physics|chemistry))\b/i, { near: { teaching: 0.5, 'primary-teaching': 0.2 } }),
  role('primary-teaching', 'primary teaching', /\b(primary (school )?teacher|class teacher|ks[12]\b|key stage|year \d teacher|grundschullehr|professeur des [ée]coles|maestr[oa] de primaria|leerkracht basis|nauczyciel(ka)? (edukacji wczesnoszkolnej|klas)|primary teacher)/i, {
    prompt: /\b(primary (school )?teacher|class teacher|grundschullehr|professeur des [ée]coles|maestr[oa] de primaria|leerkracht basis)/i,
    near: { teaching: 0.8, 'secondary-teaching': 0.2 },
  }),
  role('teaching', 'teaching', /\b(teacher|lehrer|enseignant|professeu?r|profesor|docent|leraar|nauczyciel|insegnante)/i, { near: { 'primary-teaching': 0.8, 'secondary-teaching': 0.8 } }),
  // Trades and logistics.
  role('electrical-design', 'electrical design/estimating', /\b(electrical (design )?engineer|electrical estimator|estimator)\b/i, { near: { electrician: 0.1 } }),
  role('electrician', 'electrician', /\b(electrician|elektriker|[ée]lectricien|electricista|elektricien|elektryk|elettricista|electrical (improver|supervisor|technician)|wireman)/i, { near: { maintenance: 0.4 } }),
  role('hvac', 'HVAC service', /\b(hvac|refrigeration|air[- ]condition|heat pump|k[äa]ltetechnik|klimatechnik|frigoriste|climatizaci)/i, { near: { maintenance: 0.3 } }),
  role('plumbing', 'plumbing', /\b(plumber|klempner|installateur sanit|plombier|fontanero|loodgieter|hydraulik|idraulico)/i, { near: { hvac: 0.2 } }),
  role('security-systems', 'fire & security systems', /\bfire (&|and) security\b/i, { near: { electrician: 0.2 } }),
  role('maintenance', 'maintenance technician', /\b(maintenance (technician|engineer|tech)|haustechnik|technicien de maintenance|t[ée]cnico de mantenimiento|onderhoudsmonteur)/i, { near: { electrician: 0.4, hvac: 0.3 } }),
  role('dispatch', 'transport planning/dispatch', /\b(dispatcher|dyspozytor|spedytor|transport ?planner|disponent|planificador de transporte|affr[ée]teur)/i, { near: { 'truck-driving': 0.1, 'supply-chain-planning': 0.3 } }),
  role('bus-driving', 'bus driving', /\b(bus driver|kierowca autobus|busfahrer|conducteur de bus|conductor de autob[uú]s)/i, { near: { 'truck-driving': 0.2 } }),
  role('courier', 'courier/van driving', /\b(courier|kurier|van driver|delivery driver|kat\.? b\b|livreur|repartidor)/i, { near: { 'truck-driving': 0.2 } }),
  role('truck-driving', 'truck driving', /\b(truck driver|hgv|lorry driver|c\+e|kierowca|lkw|berufskraftfahrer|chauffeur (poids lourd|pl|spl)|conductor de cami[óo]n|vrachtwagenchauffeur|autista|camionero)/i),
  role('warehouse-worker', 'warehouse work', /\b(magazynier|forklift|order picker|warehouse (operative|associate|worker)|lagerist|lagermitarbeit|cariste|preparador de pedidos|orderpicker|operator w[óo]zka)/i, { near: { 'warehouse-ops': 0.1 } }),
  role('supply-chain-planning', 'supply-chain planning', /\b(supply chain (planner|planning|analyst)|demand planner|supply planner|s&op|materials? planner|production planner|inventory (planner|analyst)|planificateur|disponent)/i, { near: { 'warehouse-ops': 0.1, procurement: 0.2, dispatch: 0.3 } }),
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
  role('events', 'event management', /\b(event|events|veranstaltung|kongress|congress|conference manager|[ée]v[ée]nementiel|eventos|evenementen)/i, { near: { 'project-management': 0.3, 'wedding-planning': 0.3 } }),
  role('project-management', 'project management', /\b(project manager|projektleit|projektmanag|chef de projet|jefe de proyecto|projectleider|kierownik projektu|project lead)/i, { near: { events: 0.2 } }),
  // Quality and hardware engineering outside software.
  role('supplier-quality', 'quality engineering (non-software)', /\b(supplier quality|quality engineer|qualit[äa]tsingenieur|ing[ée]nieur qualit[ée])/i),
  role('hardware', 'hardware/electronics engineering', /\b(hardware (design )?engineer|pcb|fpga|asic|vhdl|verilog|electronics engineer)\b/i, { near: { embedded: 0.2 } }),
  // IT operations.
  role('network', 'network engineering', /\b(network (engineer|administrator)|netzwerk|ccnp|ccna)/i, { near: { 'it-support': 0.3, sysadmin: 0.4 } }),
  role('sysadmin', 'system administration', /\b(system ?administrat|sysadmin|systeembeheerder|administrateur syst[èe]me)/i, { near: { 'it-support': 0.5, network: 0.4, devops: 0.3 } }),
  role('it-support', 'IT support', /\b(it support|it helpdesk|helpdesk|help desk|service ?desk|servicedesk|desktop support|support it|technicien support|support technician|(1st|2nd|3rd|first|second|third|1e|2e|2de|1ste)[- ]line|modern workplace|workplace engineer|field service technician|it technician|technik it|informaticien support)/i, {
    near: { sysadmin: 0.5, network: 0.3, support: 0.3 },
  }),
  // Software and data.
  role('management', 'engineering management', /\b(engineering manager|head of engineering|vp of engineering|cto|director of engineering|team lead(?!er)|tech lead manager)\b/i, {
    prompt: /\b(engineering manager|manager of engineers|people manager|head of engineering|management role|people management)\b/i,
    software: true,
  }),
  role('product', 'product management', /\bproduct (manager|owner)\b/i),
  role('design', 'design', /\b(designer|ux researcher|dise[ñn]ador|ontwerper|projektant)/i, { prompt: /\b(designer|ux|ui\/ux)\b/i }),
  role('art', 'art', /\b(artist|animator|illustrator)\b/i, { prompt: /\b(3d artist|artist|animator)\b/i }),
  role('support', 'customer support', /\b(support (agent|specialist|engineer)|customer (support|service)|kundenservice|servicio al cliente|service client)/i, { prompt: /\b(customer support|support (agent|specialist)|customer service)\b/i, near: { 'it-support': 0.3, 'contact-centre': 0.5 } }),
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
  role('marketing', 'marketing', /\b(marketing|marketer|seo)\b/i, { near: { 'content-writing': 0.5 } }),
  role('fullstack', 'full-stack engineering', /\b(full[- ]?stack)\b/i, { near: SOFTWARE_NEAR.fullstack, software: true }),
  role('backend', 'backend engineering', /\b(backend|back[- ]end|server[- ]side|api engineer)\b/i, { prompt: /\b(backend|back[- ]end|server[- ]side)\b/i, near: SOFTWARE_NEAR.backend, software: true }),
  role('frontend', 'frontend engineering', /\b(frontend|front[- ]end|ui engineer|web developer|(react|vue(\.js)?|angular) (developer|engineer))\b/i, { prompt: /\b(frontend|front[- ]end)\b/i, near: SOFTWARE_NEAR.frontend, software: true }),
  role('mobile', 'mobile development', /\b(ios|android|mobile|react native|flutter)\b/i, { prompt: /\b(mobile (developer|engineer)|ios|android)\b/i, near: SOFTWARE_NEAR.mobile, software: true }),
  role('games', 'game programming', /\b(gameplay|game programmer|game developer|unreal|unity developer|programmeur?(·?euse|\(se\))? gameplay|engine programmer|tools programmer|game designer)/i, {
    prompt: /\b(gameplay|game (developer|programmer))/i,
    near: SOFTWARE_NEAR.games,
    software: true,
  }),
  role('embedded', 'embedded software', /\b(embedded|firmware|autosar|bare metal|rtos)/i, { near: SOFTWARE_NEAR.embedded, software: true }),
  role('security', 'security engineering', /\b(security engineer|appsec|penetration tester)\b/i, { near: SOFTWARE_NEAR.security, software: true }),
  role('qa', 'QA/testing', /\b(qa|quality assurance|test automation|sdet|tester|testing|developer in test|tester manualny)/i, { prompt: /\b(qa|test automation|quality assurance)\b/i, near: SOFTWARE_NEAR.qa, software: true }),
  role('devops', 'DevOps/infrastructure', /\b(devops|sre|site reliability|cloud engineer|systems engineer)\b/i, { prompt: /\b(devops|sre|site reliability)\b/i, near: SOFTWARE_NEAR.devops, software: true }),
  role('platform', 'platform engineering', /\b(platform|infrastructure)\b/i, { prompt: /\b(platform engineer|infrastructure engineer)\b/i, near: SOFTWARE_NEAR.platform, software: true }),
  role('software', 'software engineering', /\b(software|developer|programmer|programista|entwickler|d[ée]veloppeu?r|desarrollador|ontwikkelaar|sviluppatore)\b/i, {
    prompt: /\b(software engineer|software developer|developer|programmer)\b/i,
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

export const TITLE_FAMILY_RULES: readonly (readonly [RoleFamily, RegExp])[] = ROLES.map((r) => [r.id, r.title] as const);
export const PROMPT_FAMILY_RULES: readonly (readonly [RoleFamily, RegExp])[] = ROLES.map((r) => [r.id, r.prompt ?? r.title] as const);
export const SOFTWARE_FAMILIES: ReadonlySet<string> = new Set(ROLES.filter((r) => r.software).map((r) => r.id));

/** How well a job's family serves a wanted family (1 = the same thing, 0 = unrelated). */
export function familyCompatibility(wanted: RoleFamily, job: RoleFamily): number {
  if (wanted === job) return 1;
  const term = ROLES.find((r) => r.id === wanted);
  return term?.near?.[job] ?? 0;
}
