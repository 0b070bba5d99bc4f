import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of one process, in its own registry (not prom-client's global one, so tests
 * can build many apps). Each process is scraped on its own `/metrics`; Prometheus adds them up.
 * Feature areas count through the named helpers, never by reaching for prom-client themselves.
 */
export interface Metrics {
  readonly registry: Registry;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  jobStarted(name: string): void;
  jobFinished(name: string, outcome: 'completed' | 'failed' | 'skipped', seconds: number): void;
  jobDeadLettered(name: string): void;
  /** For intake areas (monitoring, inventory imports): records accepted per kind. */
  countIngested(kind: string, records: number): void;
  /** For monitoring and alerting: alerts raised per severity. */
  countAlert(severity: string): void;
  rateLimited(bucket: string): void;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'aims_' });
  const requests = new Counter({ name: 'aims_http_requests_total', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'aims_http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const jobsStarted = new Counter({ name: 'aims_jobs_started_total', help: 'Job attempts started by this process', labelNames: ['name'], registers: [registry] });
  const jobsFinished = new Counter({ name: 'aims_jobs_finished_total', help: 'Job attempts finished by this process, by outcome', labelNames: ['name', 'outcome'], registers: [registry] });
  const jobDuration = new Histogram({ name: 'aims_job_duration_seconds', help: 'Job attempt duration', labelNames: ['name'], buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300], registers: [registry] });
  const jobsRunning = new Gauge({ name: 'aims_jobs_running', help: 'Jobs running in this process now', registers: [registry] });
  const deadLetters = new Counter({ name: 'aims_jobs_dead_lettered_total', help: 'Jobs that used up their retries (recorded by this process)', labelNames: ['name'], registers: [registry] });
  const ingested = new Counter({ name: 'aims_ingested_records_total', help: 'Records accepted by intake endpoints, by kind', labelNames: ['kind'], registers: [registry] });
  const alerts = new Counter({ name: 'aims_alerts_total', help: 'Alerts raised, by severity', labelNames: ['severity'], registers: [registry] });
  const limited = new Counter({ name: 'aims_rate_limited_total', help: 'Requests refused by a rate limit, by bucket', labelNames: ['bucket'], registers: [registry] });
  return {
    registry,
    observeRequest: (method, route, status, seconds) => {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    jobStarted: (name) => {
      jobsStarted.inc({ name });
      jobsRunning.inc();
    },
    jobFinished: (name, outcome, seconds) => {
      jobsFinished.inc({ name, outcome });
      jobDuration.observe({ name }, seconds);
      jobsRunning.dec();
    },
    jobDeadLettered: (name) => deadLetters.inc({ name }),
    countIngested: (kind, records) => ingested.inc({ kind }, records),
    countAlert: (severity) => alerts.inc({ severity }),
    rateLimited: (bucket) => limited.inc({ bucket }),
  };
}
