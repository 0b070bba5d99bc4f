import type { RiskOutput, ScoringMethodVersionOutput } from '../../../../src/contracts/risk.contracts.js';
import { LevelBadge } from './risk-badges.js';

type Method = ScoringMethodVersionOutput['method'];
type Scores = NonNullable<RiskOutput['residual']>;

function labelOf(method: Method | undefined, dimension: 'likelihood' | 'severity' | 'stakeholderImpact', value: number): string {
  const scale = method?.[dimension];
  return scale?.labels[value - scale.min] ?? '';
}

/** Inherent and residual scores side by side, each value with its scale label; score and level are the server's. */
export function RiskScoresTable({ risk, method }: { risk: RiskOutput; method: Method | undefined }) {
  const rows: Array<[string, Scores | null]> = [
    ['Inherent', risk.inherent],
    ['Residual', risk.residual],
  ];
  return (
    <div className="data-table__scroll">
      <table className="table table--compact risk-scores">
        <caption className="visually-hidden">Scores</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Assessment</span>
            </th>
            <th scope="col">Likelihood</th>
            <th scope="col">Severity</th>
            <th scope="col">Stakeholder impact</th>
            <th scope="col">Score and level</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, scores]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {scores ? (
                <>
                  {(['likelihood', 'severity', 'stakeholderImpact'] as const).map((d) => (
                    <td key={d} data-label={d}>
                      {scores[d]} <span className="muted">{labelOf(method, d, scores[d])}</span>
                    </td>
                  ))}
                  <td>
                    <LevelBadge scored={scores} />
                  </td>
                </>
              ) : (
                <td colSpan={4} className="muted">
                  Not assessed yet: decide a treatment and its residual scores.
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
