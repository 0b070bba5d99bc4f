import type { SystemOutput, WaveOverrideInput, WaveProposalOutput, WaveSettingsInput, WaveSettingsOutput } from '../../contracts/inventory.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findAiSystem, updateAiSystem } from '../../storage/repositories/ai-system.repository.js';
import { insertWaveSettings, listWaveSettings } from '../../storage/repositories/inventory-settings.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { rankInventory } from './inventory-ranking.js';
import { presentSystem, presentWaveSettings } from './inventory.presenters.js';

/** The ranked inventory and the systems proposed (or overridden) into wave 1. */
export async function proposeWaves(deps: AppDeps, actor: Actor): Promise<WaveProposalOutput> {
  requirePermission(actor, 'system:read');
  const { settings, systems } = await rankInventory(deps.db, actor.organizationId);
  return {
    settings,
    wave1: systems.filter((s) => s.ranking.wave === 1).map((s) => ({ systemId: s.row.id, name: s.row.name, score: s.ranking.score, overridden: s.row.wave_override !== null })),
    ranked: systems.map((s) => ({ systemId: s.row.id, name: s.row.name, score: s.ranking.score, proposedWave: s.ranking.proposedWave, wave: s.ranking.wave })),
  };
}

export async function getWaveSettings(deps: AppDeps, actor: Actor): Promise<WaveSettingsOutput> {
  requirePermission(actor, 'system:read');
  return presentWaveSettings((await listWaveSettings(deps.db, actor.organizationId))[0]);
}

/** Stores a new version of the organization's weights and wave-1 limits; earlier versions stay. */
export async function changeWaveSettings(deps: AppDeps, actor: Actor, input: WaveSettingsInput): Promise<WaveSettingsOutput> {
  requirePermission(actor, 'system:rank');
  return inTransaction(deps.db, async (tx) => {
    const [current] = await listWaveSettings(tx, actor.organizationId);
    const now = deps.clock.now();
    const row = {
      id: newId(now),
      organization_id: actor.organizationId,
      version: current ? Number(current.version) + 1 : 1,
      weights_json: JSON.stringify(input.weights),
      wave1_threshold: input.wave1Threshold,
      wave1_max_size: input.wave1MaxSize,
      reason: input.reason || null,
      created_at: now.toISOString(),
      created_by: actor.label,
    };
    await insertWaveSettings(tx, row);
    const after = presentWaveSettings(row);
    await appendTrailEvent(tx, deps, actor, { action: 'wave_settings.changed', entityType: 'wave_settings', entityId: row.id, before: presentWaveSettings(current), after });
    return after;
  });
}

/**
 * Puts a system in another wave than the proposal, or back to it (wave null). Either way the
 * decision, its reason, who and when stay on the record (`waveOverride`), so the inventory shows why.
 */
export async function overrideWave(deps: AppDeps, actor: Actor, systemId: string, input: WaveOverrideInput): Promise<SystemOutput> {
  requirePermission(actor, 'system:rank');
  return inTransaction(deps.db, async (tx) => {
    const row = await findAiSystem(tx, actor.organizationId, systemId);
    if (!row) throw AppError.notFound('AI system', systemId);
    const at = deps.clock.now().toISOString();
    await updateAiSystem(tx, actor.organizationId, systemId, {
      wave_override: input.wave,
      wave_override_reason: input.reason,
      wave_override_by: actor.label,
      wave_override_at: at,
      updated_at: at,
    });
    const before = presentSystem(row);
    const after = presentSystem((await findAiSystem(tx, actor.organizationId, systemId))!);
    await appendTrailEvent(tx, deps, actor, { action: input.wave === null ? 'ai_system.wave_override_cleared' : 'ai_system.wave_overridden', entityType: 'ai_system', entityId: systemId, before, after });
    return after;
  });
}
