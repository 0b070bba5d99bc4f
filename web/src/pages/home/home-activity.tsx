import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../../../../src/contracts/common.contracts.js';
import type { TrailEventOutput } from '../../../../src/contracts/trail.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { ChartWrapper, type ChartDatum } from '../../components/chart-wrapper.js';
import { EmptyState } from '../../components/empty-state.js';
import { formatDateTime, humanize, localDay } from '../../lib/format.js';
import { Link } from '../../router/router.js';

const DAYS = 14;
const RECENT = 6;

/** Events per day over the last two weeks, from the newest events the trail returned. */
function perDay(events: readonly TrailEventOutput[], today = new Date()): ChartDatum[] {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(localDay(new Date(event.at)), (counts.get(localDay(new Date(event.at))) ?? 0) + 1);
  const short = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
  const out: ChartDatum[] = [];
  for (let back = DAYS - 1; back >= 0; back -= 1) {
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - back);
    out.push({ label: short.format(day), value: counts.get(localDay(day)) ?? 0 });
  }
  return out;
}

/** Recent activity on the trail: a chart and the latest few events. */
export function HomeActivity({ trail }: { trail: UseQueryResult<Page<TrailEventOutput>> }) {
  return (
    <section className="panel" aria-labelledby="home-activity">
      <h2 id="home-activity" className="panel__title">
        Recent activity
      </h2>
      {trail.isPending ? <p role="status">Loading the trail…</p> : null}
      {trail.isError ? <p role="alert">Could not load the trail: {errorMessage(trail.error)}</p> : null}
      {trail.data ? <ActivityBody events={trail.data.items} capped={trail.data.nextCursor !== null} /> : null}
    </section>
  );
}

function ActivityBody({ events, capped }: { events: TrailEventOutput[]; capped: boolean }) {
  if (events.length === 0) return <EmptyState title="No activity yet" body="Every change made in OpenAIMS is recorded on the trail." />;
  const data = perDay(events);
  const total = data.reduce((sum, d) => sum + d.value, 0);
  return (
    <>
      <ChartWrapper
        title={`Trail events per day, last ${DAYS} days`}
        summary={`${total} events in the last ${DAYS} days${capped ? ' (from the latest 200)' : ''}; the busiest day had ${Math.max(...data.map((d) => d.value))}.`}
        data={data}
        valueLabel="Events"
      />
      <ol className="activity-list">
        {events.slice(0, RECENT).map((event) => (
          <li key={event.id} className="activity-list__item">
            <span className="activity-list__action">{humanize(event.action)}</span>
            <span className="activity-list__meta">
              {event.actorLabel} · <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            </span>
          </li>
        ))}
      </ol>
      <Link to="/trail">See the full trail</Link>
    </>
  );
}
