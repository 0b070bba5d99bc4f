import type { SystemDetailOutput } from '../../../../src/contracts/inventory.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { modelPath, systemPath } from './inventory-labels.js';
import { ModelVersionsTable } from './model-versions-table.js';
import { useSystemAssets } from './use-system-assets.js';

/** The models the system uses, each with its recorded versions. */
export function SystemModelsTab({ system }: { system: SystemDetailOutput }) {
  const { can } = useSession();
  const { models, modelsPending, error } = useSystemAssets(system);
  if (system.modelIds.length === 0) {
    return (
      <section className="panel" aria-labelledby="system-models-title">
        <h2 id="system-models-title" className="panel__title">
          Models
        </h2>
        <EmptyState
          title="This system uses no recorded model yet"
          body={
            <>
              Record the model under <Link to="/models">Models</Link>, then tick it in the system&rsquo;s record ({can('system:write') ? <Link to={systemPath(system.id)}>Overview, Edit</Link> : 'Overview'}).
            </>
          }
        />
      </section>
    );
  }
  return (
    <>
      {error ? <Notice tone="danger" title="Could not load the models">{errorMessage(error)}</Notice> : null}
      {modelsPending ? <p role="status">Loading models…</p> : null}
      {models.map((model) => (
        <section key={model.id} className="panel" aria-labelledby={`model-${model.id}-title`}>
          <div className="inventory-panel-head">
            <h2 id={`model-${model.id}-title`} className="panel__title">
              Model: {model.name}
            </h2>
            <Link to={modelPath(model.id)} className="button button--secondary">
              {can('system:write') ? 'Open model and add a version' : 'Open model'}
            </Link>
          </div>
          <p className="muted">
            {[model.task, model.approach, model.architectureFamily, model.modelArchitecture].filter(Boolean).join(' · ') || 'No architecture recorded.'}
            {model.description ? ` ${model.description}` : ''}
          </p>
          <ModelVersionsTable caption={`Versions of ${model.name}`} versions={model.versions} />
        </section>
      ))}
    </>
  );
}
