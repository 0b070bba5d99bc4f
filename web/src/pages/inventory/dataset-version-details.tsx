import type { DatasetVersionOutput } from '../../../../src/contracts/inventory.contracts.js';
import { DateTime } from '../../components/date-time.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatDate } from '../../lib/format.js';

const RESULT_TONE = { pass: 'ok', warning: 'warn', fail: 'danger' } as const;
const RESULT_LABEL = { pass: 'Pass', warning: 'Warning', fail: 'Fail' } as const;
const none = <span className="muted">Not stated</span>;

/** One dataset version's provenance (ISO/IEC 42001 A.7.3–A.7.6) and quality checks. */
export function DatasetVersionDetails({ version, parentLabel }: { version: DatasetVersionOutput; parentLabel?: string | undefined }) {
  return (
    <>
      <dl className="details inventory-details">
        <dt>Source</dt>
        <dd>{version.source ?? none}</dd>
        <dt>Collection method</dt>
        <dd>{version.collectionMethod ?? none}</dd>
        <dt>Licence</dt>
        <dd>{version.licence ?? none}</dd>
        <dt>Consent basis</dt>
        <dd>{version.consentBasis ?? none}</dd>
        <dt>Personal data</dt>
        <dd>{version.containsPersonalData ? 'Yes' : 'No'}</dd>
        <dt>Preprocessing</dt>
        <dd>{version.preprocessingSteps.length > 0 ? version.preprocessingSteps.join('; ') : none}</dd>
        <dt>Representativeness</dt>
        <dd>{version.representativenessNotes ?? none}</dd>
        <dt>Derived from</dt>
        <dd>{version.parentVersionId ? (parentLabel ?? version.parentVersionId) : <span className="muted">No parent version</span>}</dd>
        <dt>Recorded</dt>
        <dd>
          <DateTime iso={version.createdAt} /> by {version.createdBy}
        </dd>
      </dl>
      <h4 className="inventory-subheading">Quality checks</h4>
      {version.qualityChecks.length === 0 ? (
        <p className="muted">No quality checks recorded.</p>
      ) : (
        <ul className="inventory-checks-list">
          {version.qualityChecks.map((c, i) => (
            <li key={i}>
              <StatusBadge tone={RESULT_TONE[c.result]}>{RESULT_LABEL[c.result]}</StatusBadge> {c.name}
              {c.details ? <span className="muted"> {c.details}</span> : null}
              {c.checkedOn ? <span className="muted"> (checked {formatDate(c.checkedOn)})</span> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
