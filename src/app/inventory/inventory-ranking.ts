import type { z } from 'zod';
import type { ClassificationSummarySchema, SystemRankingOutput, WaveSettingsOutput } from '../../contracts/inventory.contracts.js';
import type { AutonomyLevel, HumanOversightMode, ImpactLevel } from '../../domain/inventory/inventory-terms.js';
import { proposeWaves, rankSystem } from '../../domain/inventory/wave-ranking.js';
import type { Conn } from '../../storage/database.js';
import { listAiSystems, listAllClassifications } from '../../storage/repositories/ai-system.repository.js';
import { listWaveSettings } from '../../storage/repositories/inventory-settings.repository.js';
import type { AiSystemsTable } from '../../storage/schema.js';
import { presentClassification, presentWaveSettings } from './inventory.presenters.js';

export type ClassificationSummary = z.infer<typeof ClassificationSummarySchema>;

export interface RankedInventory {
  settings: WaveSettingsOutput;
  /** Systems ordered by score, highest first, with what the detail view derives for each. */
  systems: Array<{ row: AiSystemsTable; classification: ClassificationSummary | null; ranking: SystemRankingOutput }>;
}

/**
 * Scores every system of the organization with the current settings and proposes the waves.
 * Derived on every read, never stored: a changed answer or weight shows at once.
 */
export async function rankInventory(conn: Conn, organizationId: string): Promise<RankedInventory> {
  const [rows, classifications, settingsRows] = await Promise.all([
    listAiSystems(conn, organizationId),
    listAllClassifications(conn, organizationId),
    listWaveSettings(conn, organizationId),
  ]);
  const settings = presentWaveSettings(settingsRows[0]);
  const latest = new Map<string, ClassificationSummary>();
  for (const record of classifications.map(presentClassification)) {
    const known = latest.get(record.systemId);
    if (known && known.version > record.version) continue;
    const r = record.result;
    latest.set(record.systemId, { version: record.version, tier: r.tier, annexIIIPoints: r.annexIIIPoints, annexI: r.annexI, gpai: r.gpai, complete: r.complete, answeredBy: record.answeredBy, answeredAt: record.answeredAt });
  }
  const scored = rows.map((row) => {
    const classification = latest.get(row.id) ?? null;
    const { score, factors } = rankSystem(
      {
        impactOnPeople: row.impact_on_people as ImpactLevel | null,
        safetyImpact: row.safety_impact as ImpactLevel | null,
        classification,
        peopleAffected: row.people_affected === null ? null : Number(row.people_affected),
        decisionsPerMonth: row.decisions_per_month === null ? null : Number(row.decisions_per_month),
        autonomyLevel: row.autonomy_level as AutonomyLevel,
        humanOversight: row.human_oversight as HumanOversightMode,
      },
      settings.weights,
    );
    return { row, classification, score, factors };
  });
  const byId = new Map(scored.map((s) => [s.row.id, s]));
  const waves = proposeWaves(
    scored.map((s) => ({
      id: s.row.id,
      name: s.row.name,
      score: s.score,
      eligible: s.row.aims_scope === 'in' && s.row.lifecycle_stage !== 'retired',
      override: s.row.wave_override === null ? null : Number(s.row.wave_override),
    })),
    settings,
  );
  return {
    settings,
    systems: waves.map((w) => {
      const s = byId.get(w.id)!;
      return { row: s.row, classification: s.classification, ranking: { score: s.score, factors: s.factors, proposedWave: w.proposedWave, wave: w.wave, settingsVersion: settings.version } };
    }),
  };
}
