import { useQuery } from '@tanstack/react-query';
import { RISK_LEVELS } from '../../../../src/domain/risk/scoring-method.js';
import type { ScoringMethodVersionOutput } from '../../../../src/contracts/risk.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { RISK_KEYS, getHeatmap, getScoringMethod, type Heatmap } from '../../api/risk.api.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { useSession } from '../../session/session-context.js';
import { LEVEL_LABEL } from './risk-labels.js';
import { RiskSectionNav } from './risk-section-nav.js';
import './risks.css';

/** Open risks per likelihood × impact cell, before and after treatment; cells coloured by the method's levels. */
export function HeatmapPage() {
  const { me } = useSession();
  const heatmap = useQuery({ queryKey: RISK_KEYS.heatmap, queryFn: getHeatmap });
  const method = useQuery({ queryKey: RISK_KEYS.method, queryFn: getScoringMethod });
  return (
    <>
      <PageHeader
        title="Risk heatmap"
        organization={me.organization.name}
        description="Open risks counted by likelihood and impact, where impact is the worse of severity and stakeholder impact. Each cell is coloured and named by the level the scoring method gives it."
      />
      <RiskSectionNav />
      {heatmap.isPending ? <p role="status">Loading…</p> : null}
      {heatmap.isError ? <Notice tone="danger" title="Could not load the heatmap">{errorMessage(heatmap.error)}</Notice> : null}
      {heatmap.data ? (
        <>
          <ul className="heat-legend" aria-label="Levels">
            {RISK_LEVELS.map((level) => (
              <li key={level} className={`heat-legend__item heat--${level}`}>
                {LEVEL_LABEL[level]}
              </li>
            ))}
          </ul>
          <div className="heat-grids">
            <HeatGrid id="heat-inherent" title="Inherent risk (before treatment)" counts={heatmap.data.inherent} heatmap={heatmap.data} method={method.data} />
            <HeatGrid id="heat-residual" title="Residual risk (after treatment)" counts={heatmap.data.residual} heatmap={heatmap.data} method={method.data} />
          </div>
        </>
      ) : null}
    </>
  );
}

function HeatGrid({ id, title, counts, heatmap, method }: { id: string; title: string; counts: number[][]; heatmap: Heatmap; method: ScoringMethodVersionOutput | undefined }) {
  const total = counts.flat().reduce((sum, n) => sum + n, 0);
  const likelihoodLabel = (value: number) => method?.method.likelihood.labels[value - method.method.likelihood.min] ?? '';
  // Most likely on top, as risk matrices are usually drawn.
  const rows = heatmap.likelihood.map((value, index) => ({ value, index })).reverse();
  return (
    <section className="panel heat-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        {title}
      </h2>
      <p className="muted">
        {total} {total === 1 ? 'risk' : 'risks'} counted.
      </p>
      <div className="heat-scroll" role="region" aria-label={title} tabIndex={0}>
        <table className="heat-table">
          <caption className="visually-hidden">{`${title}: number of open risks by likelihood (rows) and impact (columns), with each cell's level`}</caption>
          <thead>
            <tr>
              <th scope="col" className="heat-corner">
                Likelihood <span aria-hidden="true">↓</span> / impact <span aria-hidden="true">→</span>
              </th>
              {heatmap.impact.map((impact) => (
                <th key={impact} scope="col">
                  <span className="visually-hidden">Impact </span>
                  {impact}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ value, index }) => (
              <tr key={value}>
                <th scope="row">
                  {value} <span className="heat-row-label">{likelihoodLabel(value)}</span>
                </th>
                {heatmap.impact.map((impact, col) => {
                  const level = heatmap.levels[index]?.[col] ?? 'low';
                  const count = counts[index]?.[col] ?? 0;
                  return (
                    <td key={impact} className={`heat-cell heat--${level}${count > 0 ? ' heat-cell--filled' : ''}`}>
                      <span className="heat-cell__count">{count}</span>
                      <span className="heat-cell__level">{LEVEL_LABEL[level]}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
