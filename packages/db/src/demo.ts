// The demo data (`@jobping/db/demo`): the seed command, tests and benchmarks use it; the
// runtime entry point (`@jobping/db`) does not carry it.
export { DEMO_USER_EMAIL, seedDemo, type SeedOptions, type SeedResult } from './seed/seed-demo';
export { DEMO_PROMPT, demoCompanies, demoJobContent, demoPostings, type DemoCompany, type DemoPosting } from './seed/demo-postings';
