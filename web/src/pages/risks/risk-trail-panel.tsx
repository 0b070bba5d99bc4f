import { useQuery } from '@tanstack/react-query';
import { Breakable } from '../../components/breakable.js';
import type { RiskOutput } from '../../../../src/contracts/risk.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { listTrail } from '../../api/trail.api.js';
import { DateTime } from '../../components/date-time.js';
import { humanize } from '../../lib/format.js';
import { Link } from '../../router/router.js';
import { TrailChange } from '../trail/trail-change.js';

/**
 * What the trail recorded about this risk: its own events, plus those of the acceptance in force
 * (acceptances are trail entities of their own). Newest first.
 */
export function RiskTrailPanel({ risk }: { risk: RiskOutput }) {
  const acceptanceId = risk.acceptance?.id;
  const events = useQuery({
    queryKey: ['trail', 'risk', risk.id, acceptanceId ?? null],
    queryFn: async () => {
      const own = await listTrail({ entityType: 'risk', entityId: risk.id }, undefined, 100);
      const accepted = acceptanceId ? await listTrail({ entityType: 'risk_acceptance', entityId: acceptanceId }, undefined, 100) : { items: [] };
      return [...own.items, ...accepted.items].sort((a, b) => b.seq - a.seq);
    },
  });
  return (
    <section className="panel" aria-labelledby="risk-trail-title">
      <h2 id="risk-trail-title" className="panel__title">
        Trail of this risk
      </h2>
      {events.isPending ? <p role="status">Loading…</p> : null}
      {events.isError ? <p role="alert">Could not load the trail: {errorMessage(events.error)}</p> : null}
      {events.data ? (
        <ol className="risk-trail">
          {events.data.map((event) => (
            <li key={event.id} className="risk-trail__item">
              <p className="risk-trail__head">
                <strong>{humanize(event.action)}</strong> <span className="muted">#{event.seq}</span>
                <br />
                <DateTime iso={event.at} /> <span className="muted">by</span> <Breakable text={event.actorLabel} />
              </p>
              <details className="risk-trail__details">
                <summary>
                  What changed<span className="visually-hidden"> in #{event.seq}</span>
                </summary>
                <TrailChange event={event} id={`risk-trail-${event.seq}`} />
              </details>
            </li>
          ))}
        </ol>
      ) : null}
      <p className="muted">
        <Link to={`/trail?entityType=risk&entityId=${encodeURIComponent(risk.id)}`}>Open these events in the trail</Link>
      </p>
    </section>
  );
}
