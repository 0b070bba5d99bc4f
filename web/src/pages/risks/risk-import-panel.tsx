import { useQueryClient } from '@tanstack/react-query';
import { RISK_KEYS, importRisksCsv } from '../../api/risk.api.js';
import { CodeList, ImportPanel } from '../../components/import-panel.js';
import { Notice } from '../../components/notice.js';

const REQUIRED = ['system', 'title', 'owner_email', 'likelihood', 'severity', 'stakeholder_impact'];
const OPTIONAL = ['description', 'source'];

/** Registers risks from a CSV file: all rows or none; the server names each bad row and column. */
export function RiskImportPanel({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  return (
    <ImportPanel
      id="risk-import"
      title="Import risks from CSV"
      intro={
        <>
          The header row needs <CodeList names={REQUIRED} and /> and may have <CodeList names={OPTIONAL} and />. Systems are named, owners given by email; the server scores every row with the method in force. All rows are registered, or none.
        </>
      }
      fileHint="UTF-8, comma-separated, one row per risk, at most 1000 rows."
      upload={async (text) => {
        const result = await importRisksCsv(text);
        await queryClient.invalidateQueries({ queryKey: RISK_KEYS.all });
        await queryClient.invalidateQueries({ queryKey: RISK_KEYS.reviews });
        return result.imported;
      }}
      done={(imported) => (
        <Notice tone="ok" title="Import done">
          {imported} {imported === 1 ? 'risk' : 'risks'} registered and scored by the server.
        </Notice>
      )}
      onClose={onClose}
    />
  );
}
