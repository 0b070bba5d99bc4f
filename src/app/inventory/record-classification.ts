import type { ClassificationRecordOutput, ClassifyInput } from '../../contracts/classification.contracts.js';
import { CLASSIFICATION_DISCLAIMER, classifyAiSystem, validateAnswers } from '../../domain/classification/eu-ai-act-classifier.js';
import { AppError } from '../../domain/shared/app-error.js';
import { canonicalJson } from '../../domain/trail/canonical-json.js';
import { findAiSystem, insertClassification, listClassifications } from '../../storage/repositories/ai-system.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { presentClassification } from './inventory.presenters.js';

/** Refuses unknown questions, unknown options and answers off the path, naming `answers.<questionId>`. */
export function checkAnswers(answers: ClassifyInput['answers']): void {
  const issues = validateAnswers(answers).map((i) => ({ field: `answers.${i.questionId}`, reason: i.reason }));
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues.map((i) => `${i.field} ${i.reason}`).join('; '), { fields: issues });
}

/**
 * Screens a system under the EU AI Act and stores answers and result as a new version, with who
 * answered and when. The server computes the result; a client never sends one. The same answers
 * as the current version add nothing (the current version is returned). Screening, not legal advice.
 */
export async function recordClassification(deps: AppDeps, actor: Actor, systemId: string, input: ClassifyInput): Promise<ClassificationRecordOutput & { disclaimer: string }> {
  requirePermission(actor, 'system:write');
  checkAnswers(input.answers);
  const result = classifyAiSystem(input.answers);
  // An unfinished questionnaire is not a screening: storing it would show a tier nobody reached.
  if (!result.complete) {
    const missing = result.missing.map((questionId) => ({ field: `answers.${questionId}`, reason: 'is required: the screening is not finished' }));
    throw new AppError('VALIDATION_FAILED', `the screening is not finished; answer ${result.missing.join(', ')} next (GET /classification/questions)`, { fields: missing });
  }
  return inTransaction(deps.db, async (tx) => {
    if (!(await findAiSystem(tx, actor.organizationId, systemId))) throw AppError.notFound('AI system', systemId);
    const [current] = await listClassifications(tx, actor.organizationId, systemId);
    if (current && current.answers_json === canonicalJson(input.answers) && current.rules_version === result.rulesVersion) {
      return { ...presentClassification(current), disclaimer: CLASSIFICATION_DISCLAIMER };
    }
    const now = deps.clock.now();
    const row = {
      id: newId(now),
      organization_id: actor.organizationId,
      system_id: systemId,
      version: current ? Number(current.version) + 1 : 1,
      answers_json: canonicalJson(input.answers),
      result_json: canonicalJson(result),
      rules_version: result.rulesVersion,
      answered_by: actor.label,
      answered_at: now.toISOString(),
    };
    await insertClassification(tx, row);
    const record = presentClassification(row);
    await appendTrailEvent(tx, deps, actor, { action: 'ai_system_classification.recorded', entityType: 'ai_system_classification', entityId: row.id, before: null, after: record });
    return { ...record, disclaimer: CLASSIFICATION_DISCLAIMER };
  });
}
