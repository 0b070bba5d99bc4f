import type { ReviewTriggersTable } from '../../storage/schema.js';

/**
 * The events since a record was last reviewed that call for another review of it: a new dataset
 * version, a closed incident, a regulatory change, a monitoring alert, a method change (5, 8.2).
 */
export function reviewReasonsFor(triggers: readonly ReviewTriggersTable[], systemId: string, reviewedAt: string): string[] {
  return triggers
    .filter((t) => t.created_at > reviewedAt && (JSON.parse(t.system_ids_json) as string[]).includes(systemId))
    .sort((a, b) => a.created_at.localeCompare(b.created_at))
    .map((t) => `${t.reason} (${t.created_at.slice(0, 10)})`);
}
