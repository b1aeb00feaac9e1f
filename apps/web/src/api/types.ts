// Shapes of the API answers the app reads (see apps/auth-api/src/schemas.ts and
// apps/jobs-api/src/schemas.ts; both APIs also serve /api/openapi.json).

export interface Filters {
  remote_only: boolean;
  locations: string[];
  min_salary: number | null;
  excluded_companies: string[];
}

export interface User {
  id: string;
  email: string;
  role: 'user' | 'admin';
  prompt: string | null;
  prompt_updated_at: string | null;
  threshold: number;
  filters: Filters;
  discord: { status: 'not_set' | 'ok' | 'broken'; webhook_url: string | null; broken_at: string | null; error: string | null };
  created_at: string;
  updated_at: string;
}

/** A session as auth-api answers it (the refresh token is only ever the httpOnly cookie). */
export interface Session {
  user: User;
  access_token: string;
  expires_in: number;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** Research about a company (CompanyInfo); every field is optional here because it is untyped JSON. */
export interface CompanyInfo {
  size?: string;
  culture?: string;
  funding?: string;
  tech_stack?: string[];
  red_flags?: string[];
  green_flags?: string[];
  summary?: string;
}

export interface Company {
  id: string;
  name: string;
  website: string | null;
  info: CompanyInfo | null;
  info_updated_at: string | null;
}

export interface Salary {
  min: number | null;
  max: number | null;
  currency: string | null;
  period: string | null;
}

export interface JobSummary {
  id: string;
  title: string;
  company_name: string;
  company: Company;
  location: string | null;
  remote: boolean;
  salary: Salary | null;
  employment_type: string | null;
  url: string;
  source: string;
  posted_at: string | null;
  created_at: string;
  summary: string;
}

export interface MatchAnalysis {
  explanation?: string;
  pros?: string[];
  cons?: string[];
  recommendation?: 'apply' | 'consider' | 'skip';
}

export interface Match {
  id: string;
  job_id: string;
  score: number;
  analysis: MatchAnalysis;
  notified: boolean;
  feedback: 'up' | 'down' | null;
  created_at: string;
  job: JobSummary;
}

export interface Notification {
  id: string;
  job_id: string;
  job_title: string;
  company: string;
  job_url: string;
  matching_score: number;
  ai_analysis: MatchAnalysis;
  read: boolean;
  discord_status: 'pending' | 'sent' | 'skipped' | 'failed' | 'broken';
  created_at: string;
}

export interface NotificationPage extends Page<Notification> {
  unread_count: number;
}

export interface ThresholdPreview {
  days: number;
  scored: number;
  ruled_out: number;
  score_counts: number[];
  /** How many of `scored` were estimated with the built-in rules (not scored for you yet). */
  estimated: number;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';

export interface ScrapeRun {
  id: string;
  trigger: 'schedule' | 'manual' | 'cli';
  status: RunStatus;
  sources: { source: string; found: number; new: number; duplicates: number; errors: string[] }[];
  sources_total: number;
  sources_done: number;
  progress: number;
  jobs_found: number;
  jobs_new: number;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface Source {
  id: string;
  type: string;
  identifier: string;
  search_terms: string[];
  location: string | null;
  enabled: boolean;
  last_run_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
}

export interface PipelineGroup {
  name: string;
  consumers: number;
  pending: number;
  lag: number | null;
  /** Seconds since a consumer of the group last read; null when it has none. */
  idle_seconds: number | null;
  /** Entries wait and nobody read them for stale_group_seconds: the stage is not running. */
  stale: boolean;
}

export interface Pipeline {
  stages: { stream: string; length: number; dead_letters: number; groups: PipelineGroup[] }[];
  scrape_queue: { waiting: number; active: number; delayed: number; failed: number; completed: number } | null;
  stale_group_seconds: number;
}
