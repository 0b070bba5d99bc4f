import { canonicalJson } from '../../domain/trail/canonical-json.js';
import type { Conn } from '../../storage/database.js';
import { listApiTokens } from '../../storage/repositories/api-token.repository.js';
import { listAllEvidenceLinks, listEvidenceItems } from '../../storage/repositories/evidence.repository.js';
import { findOrganization } from '../../storage/repositories/organization.repository.js';
import { listEventsByAction } from '../../storage/repositories/trail.repository.js';
import { listMembers } from '../../storage/repositories/user.repository.js';
import { listSoaAcceptances, listSoaControls, listSoaResponsibilities, listSoaVersions } from '../../storage/repositories/soa.repository.js';
import { presentSoaAcceptance, presentSoaDecision, presentSoaResponsibility, presentSoaVersion } from '../soa/soa.presenter.js';
import { responsibilityId } from '../soa/set-soa-responsibility.js';
import { sha256Hex } from '../shared/secrets.js';
import { listRiskAcceptances, listRiskControls, listRisks, listScoringMethods } from '../../storage/repositories/risk.repository.js';
import { listAssessments } from '../../storage/repositories/impact.repository.js';
import { presentRiskAcceptance, presentRiskRecord } from '../risk/risk-records.js';
import { presentScoringMethod } from '../risk/scoring-methods.js';
import { presentAssessmentRecord } from '../impact/impact.presenter.js';
import { presentEvidence, presentEvidenceLink } from '../evidence/evidence.presenter.js';
import { listAiSystems, listAllClassifications } from '../../storage/repositories/ai-system.repository.js';
import { listDatasetVersions, listDatasets } from '../../storage/repositories/dataset.repository.js';
import { listReviewTriggers, listWaveSettings } from '../../storage/repositories/inventory-settings.repository.js';
import { listModelVersions, listModels } from '../../storage/repositories/model.repository.js';
import { listSuppliers } from '../../storage/repositories/supplier.repository.js';
import {
  presentClassification,
  presentDataset,
  presentDatasetVersion,
  presentModel,
  presentModelVersion,
  presentReviewTrigger,
  presentSupplier,
  presentSystem,
  presentWaveSettings,
} from '../inventory/inventory.presenters.js';
import { presentApiToken, presentOrganization, presentUser } from '../identity/identity.presenters.js';
import { findSsoSettings, listSsoIdentities } from '../../storage/repositories/sso.repository.js';
import { presentSsoIdentity, presentSsoSettings, ssoIdentityKey } from '../sso/sso.presenter.js';
import { listPredictionBatches } from '../../storage/repositories/prediction.repository.js';
import { presentPredictionBatch } from '../monitoring/prediction.presenter.js';

const ALL = 1_000_000_000;

export interface StateMismatch {
  organizationId: string;
  entityType: string;
  entityId: string;
  message: string;
}

/**
 * A kind of record whose every change the trail snapshots: the `after` of its latest snapshot
 * event must equal the record as presented now. Fields that change without an event by design
 * (a token's last use) are left out. Each feature area adds its records here.
 */
interface SnapshotKind {
  entityType: string;
  actions: readonly string[];
  current(conn: Conn, organizationId: string): Promise<Array<{ id: string; snapshot: Record<string, unknown> }>>;
  ignore?: readonly string[];
}

const SNAPSHOT_KINDS: readonly SnapshotKind[] = [
  {
    entityType: 'scoring_method',
    actions: ['scoring_method.changed'],
    current: async (conn, organizationId) => (await listScoringMethods(conn, organizationId)).map((row) => ({ id: row.id, snapshot: presentScoringMethod(row) })),
  },
  {
    entityType: 'impact_assessment',
    actions: ['impact_assessment.started', 'impact_assessment.saved', 'impact_assessment.submitted', 'impact_assessment.approved', 'impact_assessment.changes_requested', 'impact_assessment.superseded'],
    current: async (conn, organizationId) => (await listAssessments(conn, organizationId)).map((row) => ({ id: row.id, snapshot: presentAssessmentRecord(row) })),
  },
  {
    entityType: 'risk',
    actions: ['risk.registered', 'risk.reassessed', 'risk.treated', 'risk.closed', 'risk.rescored'],
    current: async (conn, organizationId) => {
      const links = await listRiskControls(conn, organizationId);
      return (await listRisks(conn, organizationId)).map((row) => ({ id: row.id, snapshot: presentRiskRecord(row, links.filter((l) => l.risk_id === row.id).map((l) => l.control_id)) }));
    },
  },
  {
    entityType: 'risk_acceptance',
    actions: ['risk.accepted'],
    current: async (conn, organizationId) => (await listRiskAcceptances(conn, organizationId)).map((row) => ({ id: row.id, snapshot: presentRiskAcceptance(row) })),
  },
  {
    entityType: 'organization',
    actions: ['organization.created'],
    current: async (conn, organizationId) => {
      const row = await findOrganization(conn, organizationId);
      return row ? [{ id: row.id, snapshot: presentOrganization(row) }] : [];
    },
  },
  {
    entityType: 'user',
    actions: ['user.added', 'user.changed', 'user.removed'],
    current: async (conn, organizationId) => (await listMembers(conn, organizationId, undefined, ALL)).map((row) => ({ id: row.id, snapshot: presentUser(row) })),
  },
  {
    entityType: 'api_token',
    actions: ['api_token.created', 'api_token.revoked'],
    current: async (conn, organizationId) => (await listApiTokens(conn, organizationId, undefined, ALL)).map((row) => ({ id: row.id, snapshot: presentApiToken(row) })),
    ignore: ['lastUsedAt'],
  },
  {
    entityType: 'evidence',
    actions: ['evidence.uploaded'],
    current: async (conn, organizationId) => (await listEvidenceItems(conn, organizationId, {}, undefined, ALL)).map((row) => ({ id: row.id, snapshot: presentEvidence(row) })),
  },
  {
    entityType: 'soa_control',
    actions: ['soa_control.decided'],
    current: async (conn, organizationId) => (await listSoaControls(conn, organizationId)).map((row) => ({ id: row.control_id, snapshot: presentSoaDecision(row) })),
  },
  {
    entityType: 'soa_version',
    actions: ['soa_version.drafted', 'soa_version.issued'],
    // The hash is recomputed from the frozen document, so an edit to the document itself shows.
    current: async (conn, organizationId) =>
      (await listSoaVersions(conn, organizationId)).map((row) => ({ id: row.id, snapshot: { ...presentSoaVersion(row), documentSha256: row.document_json === null ? null : sha256Hex(row.document_json) } })),
  },
  {
    entityType: 'soa_evidence_acceptance',
    actions: ['soa_evidence.accepted', 'soa_evidence.withdrawn'],
    current: async (conn, organizationId) => (await listSoaAcceptances(conn, organizationId)).map((row) => ({ id: row.id, snapshot: presentSoaAcceptance(row) })),
  },
  {
    entityType: 'soa_responsibility',
    actions: ['soa_responsibility.set', 'soa_responsibility.removed'],
    current: async (conn, organizationId) =>
      (await listSoaResponsibilities(conn, organizationId)).map((row) => ({ id: responsibilityId(row.control_id, row.supplier_id), snapshot: presentSoaResponsibility(row) })),
  },
  {
    entityType: 'ai_system',
    actions: ['ai_system.registered', 'ai_system.changed', 'ai_system.stage_changed', 'ai_system.wave_overridden', 'ai_system.wave_override_cleared'],
    current: async (conn, organizationId) => (await listAiSystems(conn, organizationId)).map((row) => ({ id: row.id, snapshot: presentSystem(row) })),
  },
  {
    entityType: 'ai_system_classification',
    actions: ['ai_system_classification.recorded'],
    current: async (conn, organizationId) => (await listAllClassifications(conn, organizationId)).map((row) => ({ id: row.id, snapshot: presentClassification(row) })),
  },
  {
    entityType: 'model',
    actions: ['model.registered', 'model.changed'],
    current: async (conn, organizationId) => (await listModels(conn, organizationId)).map((row) => ({ id: row.id, snapshot: presentModel(row) })),
  },
  {
    entityType: 'model_version',
    actions: ['model_version.added'],
    current: async (conn, organizationId) => (await listModelVersions(conn, organizationId)).map((row) => ({ id: row.id, snapshot: presentModelVersion(row) })),
  },
  {
    entityType: 'dataset',
    actions: ['dataset.registered', 'dataset.changed'],
    current: async (conn, organizationId) => (await listDatasets(conn, organizationId)).map((row) => ({ id: row.id, snapshot: presentDataset(row) })),
  },
  {
    entityType: 'dataset_version',
    actions: ['dataset_version.added'],
    current: async (conn, organizationId) => (await listDatasetVersions(conn, organizationId)).map((row) => ({ id: row.id, snapshot: presentDatasetVersion(row) })),
  },
  {
    entityType: 'supplier',
    actions: ['supplier.registered', 'supplier.changed'],
    current: async (conn, organizationId) => (await listSuppliers(conn, organizationId)).map((row) => ({ id: row.id, snapshot: presentSupplier(row) })),
  },
  {
    entityType: 'wave_settings',
    actions: ['wave_settings.changed'],
    current: async (conn, organizationId) => (await listWaveSettings(conn, organizationId)).map((row) => ({ id: row.id, snapshot: presentWaveSettings(row) })),
  },
  {
    entityType: 'review_trigger',
    actions: ['dataset_version.review_needed', 'review_trigger.raised'],
    current: async (conn, organizationId) => (await listReviewTriggers(conn, organizationId, {}, undefined, ALL)).map((row) => ({ id: row.id, snapshot: presentReviewTrigger(row) })),
  },
  {
    entityType: 'sso_settings',
    actions: ['sso.configured'],
    current: async (conn, organizationId) => {
      const row = await findSsoSettings(conn, organizationId);
      return row ? [{ id: organizationId, snapshot: presentSsoSettings(row) }] : [];
    },
  },
  {
    entityType: 'sso_identity',
    actions: ['sso_identity.linked'],
    current: async (conn, organizationId) => (await listSsoIdentities(conn, organizationId)).map((row) => ({ id: ssoIdentityKey(row), snapshot: presentSsoIdentity(row) })),
  },  {
    // Batches only: prediction rows are too many to trail one by one; the batch event carries the body's sha256.
    entityType: 'prediction_batch',
    actions: ['prediction_batch.ingested'],
    current: async (conn, organizationId) => (await listPredictionBatches(conn, organizationId)).map((row) => ({ id: row.id, snapshot: presentPredictionBatch(row) })),
  },
];

function comparable(value: unknown, ignore: readonly string[] = []): string {
  if (value === null || typeof value !== 'object') return canonicalJson(value);
  return canonicalJson(Object.fromEntries(Object.entries(value).filter(([key]) => !ignore.includes(key))));
}

/**
 * Compares the organization's records with what its trail last recorded about each of them. An
 * edit, insert or delete made behind the application's back (straight in the database or in a
 * backup file) shows up here even though the chain itself is intact.
 */
export async function verifyRecordedState(conn: Conn, organizationId: string): Promise<{ recordsChecked: number; firstMismatch: StateMismatch | null }> {
  let recordsChecked = 0;
  const mismatch = (entityType: string, entityId: string, message: string) => ({ recordsChecked, firstMismatch: { organizationId, entityType, entityId, message } });

  for (const kind of SNAPSHOT_KINDS) {
    const latest = new Map<string, string>();
    for (const event of await listEventsByAction(conn, organizationId, kind.actions)) {
      if (event.entity_type === kind.entityType) latest.set(event.entity_id, event.after_json);
    }
    for (const record of await kind.current(conn, organizationId)) {
      recordsChecked += 1;
      const recorded = latest.get(record.id);
      if (recorded === undefined) return mismatch(kind.entityType, record.id, `${kind.entityType} ${record.id} exists but the trail never recorded it: it was written outside OpenAIMS`);
      if (comparable(JSON.parse(recorded), kind.ignore) !== comparable(record.snapshot, kind.ignore)) {
        return mismatch(kind.entityType, record.id, `${kind.entityType} ${record.id} differs from the state the trail last recorded: it was changed outside OpenAIMS`);
      }
      latest.delete(record.id);
    }
    for (const [entityId, after] of latest) {
      if (after !== 'null') return mismatch(kind.entityType, entityId, `${kind.entityType} ${entityId} is recorded in the trail but missing: it was deleted outside OpenAIMS`);
    }
  }

  const recordedLinks = new Set((await listEventsByAction(conn, organizationId, ['evidence.linked'])).map((event) => comparable(JSON.parse(event.after_json))));
  for (const link of await listAllEvidenceLinks(conn, organizationId)) {
    recordsChecked += 1;
    if (!recordedLinks.delete(comparable(presentEvidenceLink(link)))) {
      return mismatch('evidence_link', `${link.evidence_id}→${link.entity_type}:${link.entity_id}`, 'an evidence link exists that the trail never recorded, or it was changed outside OpenAIMS');
    }
  }
  if (recordedLinks.size > 0) return mismatch('evidence_link', '(one or more)', 'an evidence link recorded in the trail is missing: it was deleted outside OpenAIMS');
  return { recordsChecked, firstMismatch: null };
}
