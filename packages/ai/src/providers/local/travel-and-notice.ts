// How much a job travels and how soon it needs you, against what the user takes: "max 20 % travel",
// "Reisetätigkeit ca. 50 %", "80% viaje"; "notice period 60 days", "immediate joiners only",
// "joiners within 15 days". Both are read only when stated with a figure: a posting that says
// "some travel" or nothing about notice is no evidence either way.

const TRAVEL = String.raw`(?:travel(?:l?ing)?|reisen|reiset[äa]tigkeit|reiseanteil|reisebereitschaft|viajes?|d[ée]placements?|deslocaç[õo]es|viaggi|cestov[áa]n[íi]|utaz[áa]s)`;
const LIMIT = String.raw`(?:max(?:imum)?\.?|at most|up to|no more than|not more than|under|below|less than|h[öo]chstens|bis|como m[áa]ximo|hasta|au maximum|jusqu'à|<)`;

const PROMPT_TRAVEL = [
  new RegExp(String.raw`${LIMIT}\s*(?:of\s*)?(?:ca\.?\s*|~\s*)?(\d{1,2})\s*%\s*(?:of\s+(?:the\s+)?time\s+)?(?:on\s+the\s+road\s+|de\s+)?${TRAVEL}`, 'i'),
  new RegExp(String.raw`${TRAVEL}[^\n%]{0,25}?${LIMIT}\s*(?:ca\.?\s*|~\s*)?(\d{1,2})\s*%`, 'i'),
];
const JOB_TRAVEL = [
  new RegExp(String.raw`(\d{1,2})\s*(?:[-–]\s*(\d{1,2})\s*)?%\s*(?:of\s+(?:the\s+)?time\s+|of\s+your\s+time\s+)?(?:de\s+|di\s+)?${TRAVEL}`, 'i'),
  new RegExp(String.raw`${TRAVEL}[^\n%]{0,30}?(\d{1,2})\s*(?:[-–]\s*(\d{1,2})\s*)?%`, 'i'),
];

/** The most travel the user takes, as a share of the time in per cent ("max 20 % travel"), or null. */
export function maxTravelShareIn(prompt: string): number | null {
  for (const pattern of PROMPT_TRAVEL) {
    const match = pattern.exec(prompt);
    if (match) return Number.parseInt(match[1] ?? '', 10);
  }
  return null;
}

/** The travel a posting states, the top of its range in per cent ("travel 50–60 %"), or null. */
export function travelShareIn(description: string): number | null {
  for (const pattern of JOB_TRAVEL) {
    const match = pattern.exec(description);
    if (!match) continue;
    const share = Number.parseInt(match[2] ?? match[1] ?? '', 10);
    if (share > 0 && share <= 100) return share;
  }
  return null;
}

const DAYS = String.raw`(?:days?|dias?|d[ií]as|jours|tage)`;
const PROMPT_NOTICE = [
  new RegExp(String.raw`(\d{1,3})\s*-?\s*${DAYS}['’]?\s*(?:of\s+)?notice`, 'i'),
  new RegExp(String.raw`notice(?:\s+period)?(?:\s+is|\s+of)?[:\s]*(\d{1,3})\s*${DAYS}`, 'i'),
];
const PROMPT_NOTICE_MONTHS = [/(\d|one|two|three)\s*-?\s*months?['’]?\s*(?:of\s+)?notice/i, /notice(?:\s+period)?(?:\s+is|\s+of)?[:\s]*(\d|one|two|three)\s*months?/i];
const MONTH_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3 };

/** The user's notice period in days ("60 days notice", "notice period: 2 months"), or null. */
export function noticeDaysIn(prompt: string): number | null {
  for (const pattern of PROMPT_NOTICE) {
    const match = pattern.exec(prompt);
    if (match) return Number.parseInt(match[1] ?? '', 10);
  }
  for (const pattern of PROMPT_NOTICE_MONTHS) {
    const match = pattern.exec(prompt);
    const count = match ? (MONTH_WORDS[(match[1] ?? '').toLowerCase()] ?? Number.parseInt(match[1] ?? '', 10)) : NaN;
    if (count > 0) return count * 30;
  }
  return null;
}

const IMMEDIATE = /\bimmediate(?:ly)?\s+(?:joiners?|joining|start(?:ers?)?|availability)\b(?!\s*(?:preferred|a plus|is a plus|welcome))|\bjoin(?:ing)?\s+immediately\b/i;
const JOB_NOTICE = [
  new RegExp(String.raw`\b(?:notice(?:\s+period)?|joiners?|join(?:ing)?|joining\s+time)\s*(?:of\s*)?(?:within|up\s+to|max(?:imum)?|less\s+than|not\s+more\s+than|under|≤|<=?)\s*(\d{1,3})\s*${DAYS}`, 'i'),
  new RegExp(String.raw`\b(?:immediate|0)\s*(?:to|[-–])\s*(\d{1,3})\s*${DAYS}`, 'i'),
  new RegExp(String.raw`(\d{1,3})\s*${DAYS}['’]?\s*(?:notice|joiners?)\s*(?:or\s+less|max(?:imum)?|only|at\s+most)`, 'i'),
];

/** The longest notice a posting accepts, in days ("immediate joiners only" is 0), or null when it does not say. */
export function maxNoticeDaysIn(description: string): number | null {
  for (const pattern of JOB_NOTICE) {
    const match = pattern.exec(description);
    if (match) return Number.parseInt(match[1] ?? '', 10);
  }
  return IMMEDIATE.test(description) ? 0 : null;
}
