import type { SystemOutput } from '../../contracts/inventory.contracts.js';
import type { AiSystemsTable } from '../../storage/schema.js';

/** The fields a client may set on a system, as the API names them. */
export type SystemFieldValues = Omit<SystemOutput, 'id' | 'lifecycleStage' | 'stageReason' | 'stageChangedAt' | 'waveOverride' | 'createdAt' | 'createdBy' | 'updatedAt'>;

/** API fields to columns; the inverse of presentSystem for the settable fields. */
export function systemColumns(v: SystemFieldValues): Omit<AiSystemsTable, 'id' | 'organization_id' | 'lifecycle_stage' | 'stage_reason' | 'stage_changed_at' | 'wave_override' | 'wave_override_reason' | 'wave_override_by' | 'wave_override_at' | 'created_at' | 'created_by' | 'updated_at'> {
  return {
    name: v.name,
    purpose: v.purpose,
    intended_use: v.intendedUse || null,
    foreseeable_misuse: v.foreseeableMisuse || null,
    business_objectives: v.businessObjectives || null,
    success_metrics_json: JSON.stringify(v.successMetrics),
    owner_user_id: v.ownerUserId,
    business_unit: v.businessUnit || null,
    regions_json: JSON.stringify(v.regions),
    organization_roles_json: JSON.stringify(v.organizationRoles),
    stakeholders_json: JSON.stringify(v.affectedStakeholders),
    decisions_and_outputs: v.decisionsAndOutputs || null,
    autonomy_level: v.autonomyLevel,
    human_oversight: v.humanOversight,
    regulatory_exposure_json: JSON.stringify(v.regulatoryExposure),
    aims_scope: v.inAimsScope ? 'in' : 'out',
    impact_on_people: v.impactOnPeople,
    safety_impact: v.safetyImpact,
    people_affected: v.peopleAffected,
    decisions_per_month: v.decisionsPerMonth,
    model_ids_json: JSON.stringify(v.modelIds),
  };
}
