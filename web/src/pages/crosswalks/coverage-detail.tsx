import type { Crosswalk, CoverageItem } from '../../api/catalog.api.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Link } from '../../router/router.js';
import { SourceList } from '../soa/control-mappings-panel.js';
import { CONFIDENCE_LABEL, RELATION_LABEL, STATUS_LABEL, STATUS_TONE, controlPath } from '../soa/soa-labels.js';

/** Under a target item's row: what maps to it (with relation, confidence, source and SoA status) and its gaps. */
export function CoverageDetail({ item, crosswalk, id }: { item: CoverageItem; crosswalk: Crosswalk | undefined; id: string }) {
  // Annex A controls first: they carry an SoA status; clauses follow (the server's order within each).
  const mapped = [...item.mappedBy.filter((m) => m.kind === 'control'), ...item.mappedBy.filter((m) => m.kind !== 'control')];
  return (
    <div id={id} className="coverage-detail">
      <div>
        <h3 className="coverage-detail__title">Mapped from ISO/IEC 42001 ({item.mappedBy.length})</h3>
        {item.mappedBy.length === 0 ? (
          <p className="muted">Nothing in ISO/IEC 42001 maps here.</p>
        ) : (
          <ul className="mapping-list">
            {mapped.map((m) => (
              <li key={`${m.id}-${m.source}`} className="mapping">
                <span className="mapping__target">
                  {m.kind === 'control' ? (
                    <Link to={controlPath(m.id)}>
                      <strong>{m.id}</strong> {m.title}
                    </Link>
                  ) : (
                    <>
                      <strong>Clause {m.id}</strong> {m.title}
                    </>
                  )}{' '}
                  {m.status ? <StatusBadge tone={STATUS_TONE[m.status]}>{STATUS_LABEL[m.status]}</StatusBadge> : <span className="muted">(clause: not in the SoA)</span>}
                </span>
                <span className="mapping__meta">
                  {RELATION_LABEL[m.relation] ?? m.relation} · {CONFIDENCE_LABEL[m.confidence] ?? m.confidence} confidence · Source:{' '}
                  <span title={crosswalk?.sources.find((s) => s.id === m.source)?.name}>{m.source}</span>
                </span>
                {m.note && m.note !== 'clause' ? <span className="mapping__note">{m.note}</span> : null}
              </li>
            ))}
          </ul>
        )}
        {crosswalk ? <SourceList crosswalk={crosswalk} ids={item.mappedBy.map((m) => m.source)} /> : null}
      </div>
      <div>
        <h3 className="coverage-detail__title">Gaps ({item.gaps.length})</h3>
        {item.gaps.length === 0 ? (
          <p className="muted">No gaps listed.</p>
        ) : (
          <ul className="gap-list">
            {item.gaps.map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
