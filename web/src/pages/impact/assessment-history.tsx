import type { ImpactAssessmentOutput } from '../../../../src/contracts/impact.contracts.js';
import { Breakable } from '../../components/breakable.js';
import { DataTable } from '../../components/data-table.js';
import { DateTime } from '../../components/date-time.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Link } from '../../router/router.js';
import { STATE_LABEL, STATE_TONE, assessmentPath } from './impact-labels.js';

/** Every version of the system's assessment, newest first, with who decided it. */
export function AssessmentHistory({ versions, currentId }: { versions: readonly ImpactAssessmentOutput[]; currentId: string }) {
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title" className="panel__title">
        Version history
      </h2>
      <DataTable
        caption="Versions of this assessment"
        columns={[
          {
            id: 'version',
            header: 'Version',
            cell: (a) =>
              a.id === currentId ? (
                <span aria-current="page">Version {a.version} (this one)</span>
              ) : (
                <Link to={assessmentPath(a.id)}>Version {a.version}</Link>
              ),
          },
          { id: 'state', header: 'State', cell: (a) => <StatusBadge tone={STATE_TONE[a.state]}>{STATE_LABEL[a.state]}</StatusBadge> },
          { id: 'started', header: 'Started', cell: (a) => <><DateTime iso={a.createdAt} /> <span className="muted">by <Breakable text={a.createdBy} /></span></> },
          { id: 'decided', header: 'Decided', cell: (a) => (a.decidedAt ? <><DateTime iso={a.decidedAt} /> <span className="muted">by <Breakable text={a.decidedBy ?? ''} /></span></> : <span className="muted">—</span>) },
        ]}
        rows={versions}
        rowKey={(a) => a.id}
      />
    </section>
  );
}
