import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error.js';
import { importSystemsCsv } from '../../api/inventory.api.js';
import { CodeList, ImportPanel } from '../../components/import-panel.js';
import { Notice } from '../../components/notice.js';
import type { ImportProblem } from '../../components/problems-table.js';
import { Link } from '../../router/router.js';
import { systemPath } from './inventory-labels.js';
import { invalidateInventory } from './invalidate.js';

// As documented for POST /systems/import (docs/inventory.md, "CSV import").
const COLUMNS = [
  'name', 'purpose', 'intendedUse', 'foreseeableMisuse', 'businessObjectives', 'successMetrics', 'ownerEmail', 'businessUnit', 'regions', 'lifecycleStage', 'organizationRoles',
  'affectedStakeholders', 'decisionsAndOutputs', 'autonomyLevel', 'humanOversight', 'regulatoryExposure', 'inAimsScope', 'impactOnPeople', 'safetyImpact', 'peopleAffected', 'decisionsPerMonth', 'models',
];

/** The server lists every problem in `details.rows` ({ row, column, reason }; row 1 is the header), else names fields. */
function problemsOf(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError)) return [];
  const rows = error.details.rows;
  if (Array.isArray(rows) && rows.length > 0) {
    return rows.map((r: unknown, i) => {
      const { row, column, reason } = (r ?? {}) as Record<string, unknown>;
      return { key: `${i}`, row: String(row ?? '—'), column: String(column ?? ''), reason: String(reason ?? '') };
    });
  }
  return error.fields.map((f, i) => ({ key: `${i}`, row: '—', column: f.field, reason: f.reason }));
}

/** Systems from a CSV file: all rows are registered, or none; every bad row and column is listed. */
export function SystemImportPanel({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  return (
    <ImportPanel
      id="inventory-csv"
      title="Import AI systems from CSV"
      intro={
        <>
          A header row naming columns among <CodeList names={COLUMNS} />. <code>name</code>, <code>purpose</code> and <code>organizationRoles</code> are required. Lists are separated by semicolons; <code>ownerEmail</code> names a member and <code>models</code> names models of the inventory. Every row is checked first: all are imported, or none.
        </>
      }
      fileHint="UTF-8, comma-separated, one system per row."
      upload={async (text) => {
        const result = await importSystemsCsv(text);
        await invalidateInventory(queryClient);
        return result.created;
      }}
      problems={{ kind: 'rows', of: problemsOf }}
      done={(created) => (
        <Notice tone="ok" title={`${created.length} ${created.length === 1 ? 'system' : 'systems'} imported`}>
          <ul className="inventory-plain-list">
            {created.map((s) => (
              <li key={s.id}>
                <Link to={systemPath(s.id)}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </Notice>
      )}
      onClose={onClose}
    />
  );
}
