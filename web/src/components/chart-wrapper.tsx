import { useId } from 'react';

export interface ChartDatum {
  label: string;
  value: number;
}

interface ChartWrapperProps {
  title: string;
  /** One sentence a screen reader hears instead of the picture. */
  summary: string;
  data: readonly ChartDatum[];
  kind?: 'bar' | 'line';
  valueLabel?: string;
}

const W = 520;
const H = 200;
const PAD = { top: 12, right: 8, bottom: 30, left: 34 };

/**
 * A small dependency-free SVG chart (bar or line). The picture is described by `summary`, and the
 * numbers behind it are one click away in a real table, so nothing is available only visually.
 */
export function ChartWrapper({ title, summary, data, kind = 'bar', valueLabel = 'Count' }: ChartWrapperProps) {
  const titleId = useId();
  const descId = useId();
  const max = Math.max(1, ...data.map((d) => d.value));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] ?? max;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = data.length ? plotW / data.length : plotW;
  const x = (i: number) => PAD.left + step * i + step / 2;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const labelEvery = Math.max(1, Math.ceil(data.length / 7));

  return (
    <figure className="chart">
      <figcaption id={titleId} className="chart__title">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="chart__svg" role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <desc id={descId}>{summary}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="chart__grid" />
            <text x={PAD.left - 8} y={y(t)} className="chart__axis" textAnchor="end" dominantBaseline="middle">
              {t}
            </text>
          </g>
        ))}
        {kind === 'bar'
          ? data.map((d, i) => {
              const barW = Math.max(2, step * 0.64);
              return (
                <rect key={d.label} x={x(i) - barW / 2} y={y(d.value)} width={barW} height={Math.max(0, PAD.top + plotH - y(d.value))} rx={2} className="chart__bar">
                  <title>{`${d.label}: ${d.value}`}</title>
                </rect>
              );
            })
          : (
            <>
              <polyline points={data.map((d, i) => `${x(i)},${y(d.value)}`).join(' ')} className="chart__line" />
              {data.map((d, i) => (
                <circle key={d.label} cx={x(i)} cy={y(d.value)} r={3.5} className="chart__point">
                  <title>{`${d.label}: ${d.value}`}</title>
                </circle>
              ))}
            </>
          )}
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} className="chart__baseline" />
        {data.map((d, i) =>
          i % labelEvery === 0 ? (
            <text key={d.label} x={x(i)} y={H - PAD.bottom + 19} className="chart__axis" textAnchor="middle">
              {d.label}
            </text>
          ) : null,
        )}
      </svg>
      <details className="chart__data">
        <summary>Show the numbers</summary>
        <table className="table table--compact">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col" className="align-end">
                {valueLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td className="align-end">{d.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Gridline values from 0 to a round number at or above max. */
function niceTicks(max: number): number[] {
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const unit = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  const step = Math.max(1, Math.ceil(unit));
  const out: number[] = [];
  for (let v = 0; v < max + step; v += step) {
    out.push(v);
    if (v >= max) break;
  }
  return out;
}
