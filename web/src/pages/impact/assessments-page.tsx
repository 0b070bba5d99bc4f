import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { ImpactAssessmentOutput } from '../../../../src/contracts/impact.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { IMPACT_KEYS, listAssessments } from '../../api/impact.api.js';
import { RISK_KEYS, listSystemChoices } from '../../api/risk.api.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { DateTime } from '../../components/date-time.js';
import { EmptyState } from '../../components/empty-state.js';
import { PageHeader } from '../../components/page-header.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Link, navigate, useLocation } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { STATE_LABEL, STATE_TONE, assessmentPath } from './impact-labels.js';
import { startNextVersion } from './start-assessment.js';
import '../risks/risks.css';
import './impact.css';

function columns(): Column<ImpactAssessmentOutput>[] {
  return [
    {
      id: 'system',
      header: 'AI system',
      sortValue: (a) => a.systemName,
      cell: (a) => (
        <Link to={assessmentPath(a.id)} className="risk-cell__title">
          {a.systemName}, version {a.version}
        </Link>
      ),
    },
    { id: 'state', header: 'State', sortValue: (a) => STATE_LABEL[a.state], cell: (a) => <StatusBadge tone={STATE_TONE[a.state]}>{STATE_LABEL[a.state]}</StatusBadge> },
    {
      id: 'complete',
      header: 'Sections complete',
      align: 'end',
      sortValue: (a) => a.completeness.filter((c) => c.complete).length,
      cell: (a) => `${a.completeness.filter((c) => c.complete).length} of ${a.completeness.length}`,
    },
    {
      id: 'review',
      header: 'Review',
      sortValue: (a) => (a.reviewDue ? 0 : 1),
      filterText: (a) => (a.reviewDue ? `review due ${a.reviewReasons.join(' ')}` : ''),
      cell: (a) => (a.reviewDue ? <StatusBadge tone="warn" title={a.reviewReasons.join('; ')}>Review due</StatusBadge> : <span className="muted">{a.nextReviewOn ? `Next ${a.nextReviewOn}` : '—'}</span>),
    },
    { id: 'updated', header: 'Last change', sortValue: (a) => a.updatedAt, cell: (a) => <DateTime iso={a.updatedAt} /> },
  ];
}

/** Every impact assessment, newest first, and starting one for a system. */
export function AssessmentsPage() {
  const { me, can } = useSession();
  const { search } = useLocation();
  const systemId = search.get('system') ?? undefined;
  const assessments = useQuery({ queryKey: [...IMPACT_KEYS.list, systemId ?? null], queryFn: () => listAssessments(systemId ? { systemId } : {}) });
  const systems = useQuery({ queryKey: RISK_KEYS.systems, queryFn: listSystemChoices, enabled: can('system:read') });
  const cols = useMemo(() => columns(), []);
  const systemName = systems.data?.find((s) => s.id === systemId)?.name;
  return (
    <>
      <PageHeader
        title="Impact assessments"
        organization={me.organization.name}
        description="AI system impact assessments (ISO/IEC 42001 6.1.4, 8.4, A.5), structured after ISO/IEC 42005, with the EU AI Act Art. 27 fundamental-rights fields where the classification calls for them. A system’s risks can be assessed only once its impact assessment is approved."
      />
      {can('impact:write') ? <StartForm systems={systems.data ?? []} loading={systems.isPending} /> : null}
      <section className="panel" aria-labelledby="assessments-title">
        <h2 id="assessments-title" className="panel__title">
          {systemId ? `Versions for ${systemName ?? 'one system'}` : 'All assessments'}
        </h2>
        {systemId ? (
          <p>
            <Link to="/impact-assessments">Show every system</Link>
          </p>
        ) : null}
        <DataTable
          caption="Impact assessments"
          columns={cols}
          rows={assessments.data ?? []}
          rowKey={(a) => a.id}
          filterLabel="Search assessments"
          loading={assessments.isPending}
          error={assessments.error}
          empty={<EmptyState title="No impact assessments yet" body="Start one for an AI system from the inventory." />}
        />
      </section>
    </>
  );
}

/** "Start for system…": the system's next version, carrying over its latest content; refused while one is open. */
function StartForm({ systems, loading }: { systems: ReadonlyArray<{ id: string; name: string }>; loading: boolean }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [systemId, setSystemId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!systemId) {
      setFieldError('AI system is required: choose one.');
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      const started = await startNextVersion(systemId);
      await queryClient.invalidateQueries({ queryKey: IMPACT_KEYS.all });
      navigate(assessmentPath(started.id));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        Start an assessment
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Start an assessment" className="start-form">
        {error ? (
          <div className="form-alert" role="alert">
            {error}
          </div>
        ) : null}
        <div className={`field start-form__field${fieldError ? ' field--invalid' : ''}`}>
          <label htmlFor={id} className="field__label">
            AI system
          </label>
          <select id={id} className="input" value={systemId} onChange={(e) => setSystemId(e.target.value)} aria-invalid={fieldError ? true : undefined} aria-describedby={fieldError ? `${id}-error` : `${id}-hint`}>
            <option value="">{loading ? 'Loading systems…' : 'Choose a system…'}</option>
            {systems.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {fieldError ? (
            <p id={`${id}-error`} className="field__error">
              <span aria-hidden="true">⚠ </span>
              {fieldError}
            </p>
          ) : (
            <p id={`${id}-hint`} className="field__hint">
              Starts the system’s next version; a new version carries over the latest one’s content.
            </p>
          )}
        </div>
        <button type="submit" className="button start-form__button" disabled={busy}>
          {busy ? 'Starting…' : 'Start assessment'}
        </button>
      </form>
    </section>
  );
}
