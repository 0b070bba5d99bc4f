import type { ImpactAssessmentOutput } from '../../../../src/contracts/impact.contracts.js';
import type { ScoringMethodVersionOutput } from '../../../../src/contracts/risk.contracts.js';
import type { AssessmentSection } from '../../../../src/domain/impact/impact-assessment.js';
import { SECTION_TITLE, FUNDAMENTAL_RIGHTS_FIELDS } from './impact-labels.js';
import { SectionBadge } from './section-status.js';

type Method = ScoringMethodVersionOutput['method'] | undefined;

function Empty() {
  return <p className="muted">Not filled in.</p>;
}

function Text({ value }: { value: string }) {
  return value.trim() ? <p className="pre-line">{value}</p> : <Empty />;
}

function scaleLabel(method: Method, dimension: 'severity' | 'likelihood', value: number): string {
  const scale = method?.[dimension];
  const label = scale?.labels[value - scale.min];
  return label ? `${value} – ${label}` : String(value);
}

/** The assessment as submitted or approved: the same sections, read-only. */
export function AssessmentReadOnly({ assessment, sections, method }: { assessment: ImpactAssessmentOutput; sections: readonly AssessmentSection[]; method: Method }) {
  const { content } = assessment;
  const body = (section: AssessmentSection) => {
    switch (section) {
      case 'purpose':
      case 'intendedUse':
      case 'foreseeableMisuse':
      case 'humanOversight':
        return <Text value={content[section]} />;
      case 'stakeholders':
        return content.stakeholders.length === 0 ? (
          <Empty />
        ) : (
          <ul className="plain-list">
            {content.stakeholders.map((s, i) => (
              <li key={i}>
                <strong>{s.group}</strong>
                {s.vulnerable ? <span className="vulnerable-tag">Vulnerable group</span> : null}
                {s.notes ? <span className="muted"> — {s.notes}</span> : null}
              </li>
            ))}
          </ul>
        );
      case 'impacts':
        return content.impacts.length === 0 ? (
          <Empty />
        ) : (
          <div className="data-table__scroll">
            <table className="table table--compact">
              <caption className="visually-hidden">Harms and benefits</caption>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Description</th>
                  <th scope="col">Affects</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Likelihood</th>
                </tr>
              </thead>
              <tbody>
                {content.impacts.map((item, i) => (
                  <tr key={i}>
                    <td>{item.kind === 'harm' ? 'Harm' : 'Benefit'}</td>
                    <td>{item.description}</td>
                    <td>{item.affects}</td>
                    <td className="nowrap">{scaleLabel(method, 'severity', item.severity)}</td>
                    <td className="nowrap">{scaleLabel(method, 'likelihood', item.likelihood)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      case 'fundamentalRights':
        return content.fundamentalRights ? (
          <dl className="details risk-details">
            {FUNDAMENTAL_RIGHTS_FIELDS.map(([key, label]) => (
              <div key={key} className="details__pair">
                <dt>{label}</dt>
                <dd className="pre-line">{content.fundamentalRights?.[key] || <span className="muted">Not filled in.</span>}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <Empty />
        );
      case 'mitigations':
        return content.mitigations.length === 0 ? (
          <Empty />
        ) : (
          <ul className="plain-list">
            {content.mitigations.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        );
    }
  };
  return (
    <>
      {sections.map((section) => (
        <section key={section} id={`section-${section}`} className="panel assessment-section" aria-labelledby={`section-${section}-title`}>
          <div className="assessment-section__head">
            <h2 id={`section-${section}-title`} className="panel__title">
              {SECTION_TITLE[section]}
            </h2>
            <SectionBadge entry={assessment.completeness.find((c) => c.section === section)} />
          </div>
          {body(section)}
        </section>
      ))}
    </>
  );
}
