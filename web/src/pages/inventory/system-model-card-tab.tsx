import { useId, useState } from 'react';
import type { SystemDetailOutput } from '../../../../src/contracts/inventory.contracts.js';
import { EmptyState } from '../../components/empty-state.js';
import { Link } from '../../router/router.js';
import { ModelCardView } from './model-card-view.js';
import { useSystemAssets } from './use-system-assets.js';

/** The generated model card of each model the system uses (one at a time when there are several). */
export function SystemModelCardTab({ system }: { system: SystemDetailOutput }) {
  const { models, modelsPending } = useSystemAssets(system);
  const [chosen, setChosen] = useState<string | null>(null);
  const selectId = useId();
  const modelId = chosen ?? system.modelIds[0];
  return (
    <section className="panel" aria-labelledby="system-card-title">
      <h2 id="system-card-title" className="panel__title">
        Model card
      </h2>
      {!modelId ? (
        <EmptyState title="No model to describe" body={<>The card is generated from a model&rsquo;s records. Record one under <Link to="/models">Models</Link> and link it to this system.</>} />
      ) : (
        <>
          {system.modelIds.length > 1 ? (
            <div className="field inventory-card-pick">
              <label htmlFor={selectId} className="field__label">
                Model
              </label>
              <select id={selectId} className="input" value={modelId} onChange={(e) => setChosen(e.target.value)} disabled={modelsPending}>
                {system.modelIds.map((id) => (
                  <option key={id} value={id}>
                    {models.find((m) => m.id === id)?.name ?? 'Loading…'}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <ModelCardView key={modelId} modelId={modelId} />
        </>
      )}
    </section>
  );
}
