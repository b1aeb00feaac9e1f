import { Counter, Histogram, type MetricsRegistry } from '@jobping/metrics';

export interface ScraperMetrics {
  postings: Counter<'source' | 'outcome'>;
  sourceRuns: Counter<'source' | 'result'>;
  runs: Counter<'trigger' | 'status'>;
  runDuration: Histogram<'trigger'>;
  published: Counter;
}

export function createScraperMetrics(registry: MetricsRegistry): ScraperMetrics {
  return {
    postings: new Counter({
      name: 'scraper_postings_total',
      help: 'Postings seen by outcome: new (stored), duplicate (same board or another board), filtered (outside search or window)',
      labelNames: ['source', 'outcome'],
      registers: [registry],
    }),
    sourceRuns: new Counter({
      name: 'scraper_source_runs_total',
      help: 'Source fetches within runs, by result (ok, error, skipped)',
      labelNames: ['source', 'result'],
      registers: [registry],
    }),
    runs: new Counter({ name: 'scraper_runs_total', help: 'Finished scrape runs by trigger and status', labelNames: ['trigger', 'status'], registers: [registry] }),
    runDuration: new Histogram({
      name: 'scraper_run_duration_seconds',
      help: 'Wall time of one scrape run',
      labelNames: ['trigger'],
      buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1200],
      registers: [registry],
    }),
    published: new Counter({ name: 'scraper_jobs_published_total', help: 'New jobs handed to job-analysis', registers: [registry] }),
  };
}
