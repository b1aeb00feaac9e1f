// The one rule for "is this the same company?": the scraper and the seed store companies by it
// (companies.normalized_name, through @jobping/db), and the local scorer compares a job with the
// jobs a user dismissed by it. Here, not in @jobping/db, so that packages without a database
// (packages/ai) read companies the same way.

const LEGAL_SUFFIXES = /\b(inc|llc|ltd|limited|gmbh|ag|bv|b\.v|sas|sa|srl|plc|co|corp|corporation|oy|ab|as|aps)\b\.?/g;

/** Lower case without accents: "Zürich" and "zurich" alike. */
export function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** `Ledgerly GmbH` and `ledgerly` are the same company. */
export function companyKey(name: string): string {
  const key = foldName(name)
    .replace(/&/g, ' and ')
    .replace(LEGAL_SUFFIXES, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, '-');
  return key || foldName(name).trim();
}
