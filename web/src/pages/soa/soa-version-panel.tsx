import { useId, type ReactNode } from 'react';
import type { SoaVersionOutput } from '../../../../src/contracts/soa.contracts.js';
import { soaExportUrl, type SoaExportFormat, type SoaOutput } from '../../api/soa.api.js';
import { DateTime } from '../../components/date-time.js';
import { StatusBadge } from '../../components/status-badge.js';
import { hashPrefix } from '../../lib/format.js';
import { Link } from '../../router/router.js';

const EXPORTS: ReadonlyArray<{ format: SoaExportFormat; label: string; hint: string }> = [
  { format: 'csv', label: 'CSV', hint: 'spreadsheet; can be edited and imported back' },
  { format: 'html', label: 'Printable HTML', hint: 'for print or PDF' },
  { format: 'oscal', label: 'OSCAL', hint: 'catalog, profile and component definition (JSON)' },
  { format: 'json', label: 'JSON', hint: 'the document as the API returns it' },
];

interface SoaVersionPanelProps {
  soa: SoaOutput;
  versions: readonly SoaVersionOutput[];
  /** The issued version on show; undefined for the working draft. */
  selected: number | undefined;
  onSelect: (version: number | undefined) => void;
  actions: ReactNode;
}

/** Which version is on show (the working draft or a frozen issued one), its header, and its exports. */
export function SoaVersionPanel({ soa, versions, selected, onSelect, actions }: SoaVersionPanelProps) {
  const selectId = useId();
  const issued = versions.filter((v) => v.state === 'issued');
  const record = selected ? versions.find((v) => v.number === selected) : undefined;
  const lastIssued = issued[0];
  const header = soa.version;
  const frozen = header.state === 'issued';
  const exportVersion = frozen ? header.number : undefined;

  return (
    <section className="panel" aria-labelledby="soa-version-title">
      <div className="soa-version">
        <div className="soa-version__main">
          <h2 id="soa-version-title" className="soa-version__title">
            {frozen ? `Version ${header.number}` : `Draft ${header.number}`}{' '}
            {frozen ? <StatusBadge tone="ok">Issued</StatusBadge> : <StatusBadge tone="info">Draft, not issued</StatusBadge>}
          </h2>
          {frozen ? (
            <p className="soa-version__line">
              Issued {header.issuedAt ? <DateTime iso={header.issuedAt} /> : null} by {header.issuedBy ?? 'unknown'}. Frozen: read-only, exactly as approved; control pages show the working draft.
            </p>
          ) : (
            <p className="soa-version__line">
              Changes go into this draft until an approver issues it.{' '}
              {lastIssued ? (
                <>
                  Last issued: version {lastIssued.number}
                  {lastIssued.issuedAt ? (
                    <>
                      {' '}
                      on <DateTime iso={lastIssued.issuedAt} />
                    </>
                  ) : null}{' '}
                  by {lastIssued.issuedBy ?? 'unknown'}.
                </>
              ) : (
                'No version has been issued yet.'
              )}
            </p>
          )}
          {frozen && header.issueNote ? <p className="soa-version__line">Note: {header.issueNote}</p> : null}
          {record?.documentSha256 ? (
            <p className="soa-version__line">
              Document SHA-256 <code title={record.documentSha256}>{hashPrefix(record.documentSha256, 16)}…</code>
            </p>
          ) : null}
        </div>
        <div className="soa-version__select">
          <label htmlFor={selectId} className="field__label">
            Version
          </label>
          <select id={selectId} className="input" value={selected ?? ''} onChange={(e) => onSelect(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">Working draft</option>
            {issued.map((v) => (
              <option key={v.number} value={v.number}>
                Version {v.number} (issued{v.issuedAt ? ` ${v.issuedAt.slice(0, 10)}` : ''})
              </option>
            ))}
          </select>
          {versions.length >= 2 ? (
            <Link to="/soa/compare" className="soa-version__compare">
              Compare versions
            </Link>
          ) : null}
        </div>
      </div>
      <div className="soa-version__bar">
        <div className="soa-exports" role="group" aria-label={frozen ? `Export version ${header.number}` : `Export draft ${header.number}`}>
          <span className="soa-exports__label">Export</span>
          {EXPORTS.map((e) => (
            <a key={e.format} className="button button--secondary button--small" href={soaExportUrl(e.format, exportVersion)} download title={e.hint}>
              {e.label}
              <span className="visually-hidden"> ({e.hint})</span>
            </a>
          ))}
        </div>
        {actions ? <div className="soa-version__actions">{actions}</div> : null}
      </div>
    </section>
  );
}
