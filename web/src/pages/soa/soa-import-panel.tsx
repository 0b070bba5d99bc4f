import { useQueryClient } from '@tanstack/react-query';
import { SOA_CSV_IMPORTED } from '../../../../src/contracts/soa.contracts.js';
import { importSoaCsv } from '../../api/soa.api.js';
import { CodeList, ImportPanel } from '../../components/import-panel.js';
import { Notice } from '../../components/notice.js';

/** Tailoring from a CSV file: every row is applied, or none is; the server names each bad row and column. */
export function SoaImportPanel({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  return (
    <ImportPanel
      id="soa-import"
      title="Import decisions from CSV"
      intro={
        <>
          The file needs a header row with <code>control_id</code> and <code>applicability</code>, and may have <CodeList names={SOA_CSV_IMPORTED.slice(2)} />. A CSV export of this SoA can be edited and imported back; its status columns are ignored, because statuses are derived. All rows are applied, or none.
        </>
      }
      fileHint="UTF-8, comma-separated, one row per control."
      upload={async (text) => {
        const imported = await importSoaCsv(text);
        await queryClient.invalidateQueries({ queryKey: ['soa'] });
        await queryClient.invalidateQueries({ queryKey: ['trail'] });
        return imported;
      }}
      done={(result) => (
        <Notice tone="ok" title="Import done">
          {result.rowsRead} {result.rowsRead === 1 ? 'row' : 'rows'} read: {result.controlsChanged} {result.controlsChanged === 1 ? 'control' : 'controls'} changed, {result.controlsUnchanged} unchanged.
        </Notice>
      )}
      onClose={onClose}
    />
  );
}
