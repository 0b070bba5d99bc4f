import { useQueryClient } from '@tanstack/react-query';
import { importMlbom } from '../../api/inventory.api.js';
import { DataTable } from '../../components/data-table.js';
import { ImportPanel } from '../../components/import-panel.js';
import { Notice } from '../../components/notice.js';
import { humanize } from '../../lib/format.js';
import { invalidateInventory } from './invalidate.js';

/**
 * A CycloneDX ML-BOM (1.5 to 1.7) creates or updates inventory entries. The server validates it
 * against its schema first and names where it fails (a JSON pointer in the message, dotted paths
 * in the fields), so this panel shows both.
 */
export function MlbomImportPanel({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  return (
    <ImportPanel
      id="inventory-mlbom"
      title="Import a CycloneDX ML-BOM"
      intro={
        <>
          Models, datasets, systems and suppliers in the BOM are created, or updated when they match a record by its <code>openaims:id</code> or by name. Importing the same BOM twice changes nothing. All or nothing.
        </>
      }
      fileLabel="CycloneDX JSON file"
      fileHint="A .cdx.json or .json file, CycloneDX 1.5, 1.6 or 1.7."
      fileMissing="is required: choose a CycloneDX JSON file"
      upload={async (text) => {
        const imported = await importMlbom(text);
        await invalidateInventory(queryClient);
        return imported;
      }}
      problems={{ kind: 'places', title: 'Where the BOM fails' }}
      done={(result) => {
        const changed = result.items.filter((i) => i.action !== 'unchanged').length;
        return (
          <Notice tone="ok" title={`Import done: ${changed} ${changed === 1 ? 'record' : 'records'} created or updated`}>
            <DataTable
              caption="Imported records"
              columns={[
                { id: 'kind', header: 'Kind', sortValue: (i) => i.kind, cell: (i) => humanize(i.kind) },
                { id: 'name', header: 'Name', sortValue: (i) => i.name, cell: (i) => i.name },
                { id: 'action', header: 'Result', sortValue: (i) => i.action, cell: (i) => humanize(i.action) },
                { id: 'from', header: 'From the BOM', cell: (i) => <code>{i.from}</code> },
              ]}
              rows={result.items}
              rowKey={(i) => `${i.kind}-${i.id}`}
            />
          </Notice>
        );
      }}
      onClose={onClose}
    />
  );
}
