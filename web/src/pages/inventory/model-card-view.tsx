import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error.js';
import { INVENTORY_KEYS, getModelCard, modelCardUrl, type ModelCard } from '../../api/inventory.api.js';
import { Notice } from '../../components/notice.js';

const percent = (score: number) => `${Math.round(score * 100)}%`;

/** A completeness score (0..1, from the server) as words and a bar; the bar is decoration. */
function Completeness({ score, label }: { score: number; label: string }) {
  return (
    <span className="card-completeness">
      <span className="card-completeness__bar" aria-hidden="true">
        <span className="card-completeness__fill" style={{ width: percent(score) }} />
      </span>
      <span className="card-completeness__text">
        {percent(score)}
        <span className="visually-hidden"> {label}</span>
      </span>
    </span>
  );
}

function fileName(card: ModelCard, ext: string): string {
  const base = `${card.name}${card.version ? `-${card.version}` : ''}-model-card`.replace(/[^\w.-]+/g, '-');
  return `${base}.${ext}`;
}

/**
 * The model card the server generates from the inventory (never typed in): completeness per
 * section, the facts, and downloads as Markdown (Hugging Face front matter) and HTML.
 */
export function ModelCardView({ modelId, version }: { modelId: string; version?: string }) {
  const card = useQuery({ queryKey: INVENTORY_KEYS.card(modelId, version), queryFn: () => getModelCard(modelId, version) });
  if (card.isPending) return <p role="status">Loading the model card…</p>;
  if (card.isError) return <Notice tone="danger" title="Could not load the model card">{errorMessage(card.error)}</Notice>;
  const c = card.data;
  return (
    <div className="model-card">
      <div className="model-card__head">
        <div>
          <p className="model-card__title">
            {c.name}
            {c.version ? `, version ${c.version}` : ', no version yet'}
          </p>
          <p className="model-card__overall">
            Complete: <Completeness score={c.completeness} label="of the card, the mean of its sections" />
          </p>
        </div>
        <div className="model-card__downloads">
          <a className="button button--secondary" href={modelCardUrl(modelId, 'markdown', version)} download={fileName(c, 'md')}>
            Download Markdown
          </a>
          <a className="button button--secondary" href={modelCardUrl(modelId, 'html', version)} download={fileName(c, 'html')}>
            Download HTML
          </a>
        </div>
      </div>
      <h3 className="inventory-subheading">Completeness by section</h3>
      <ul className="model-card__summary">
        {c.sections.map((s) => (
          <li key={s.id}>
            <span className="model-card__summary-title">{s.title}</span> <Completeness score={s.completeness.score} label={`of ${s.title}`} />
            {s.completeness.missing.length > 0 ? <span className="muted model-card__missing">Missing: {s.completeness.missing.join(', ')}</span> : null}
          </li>
        ))}
      </ul>
      {c.sections.map((s) => (
        <section key={s.id} className="model-card__section" aria-labelledby={`card-${s.id}`}>
          <h3 id={`card-${s.id}`} className="inventory-subheading">
            {s.title}
          </h3>
          {s.facts.length === 0 && s.items.length === 0 && !s.table ? <p className="muted">Nothing recorded.</p> : null}
          {s.facts.length > 0 ? (
            <dl className="details inventory-details">
              {s.facts.map((f, i) => (
                <div key={i} className="inventory-details__pair">
                  <dt>{f.label}</dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {s.items.length > 0 ? (
            <ul>
              {s.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          ) : null}
          {s.table ? (
            <div className="data-table__scroll">
              <table className="table table--compact">
                <caption className="visually-hidden">{s.title}</caption>
                <thead>
                  <tr>
                    {s.table.columns.map((col) => (
                      <th key={col} scope="col">
                        {col}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.table.rows.map((row, i) => (
                    <tr key={i}>
                      {row.map((cell, j) => (
                        <td key={j} data-label={s.table?.columns[j]}>
                          <div className="table__cell">{cell}</div>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ))}
    </div>
  );
}
