import type { ClassificationRecordOutput, ClassifyInput } from '../../contracts/classification.contracts.js';
import { CLASSIFICATION_DISCLAIMER, CLASSIFIER_QUESTIONS, CLASSIFIER_RULES_VERSION, classifyAiSystem, nextQuestion } from '../../domain/classification/eu-ai-act-classifier.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findAiSystem, listClassifications } from '../../storage/repositories/ai-system.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { presentClassification } from './inventory.presenters.js';
import { checkAnswers } from './record-classification.js';

/** Every classification version of a system, newest first. */
export async function listSystemClassifications(deps: AppDeps, actor: Actor, systemId: string): Promise<{ disclaimer: string; items: ClassificationRecordOutput[] }> {
  requirePermission(actor, 'system:read');
  if (!(await findAiSystem(deps.db, actor.organizationId, systemId))) throw AppError.notFound('AI system', systemId);
  const rows = await listClassifications(deps.db, actor.organizationId, systemId);
  return { disclaimer: CLASSIFICATION_DISCLAIMER, items: rows.map(presentClassification) };
}

/** The questionnaire for the wizard. */
export function getClassificationQuestionnaire(actor: Actor) {
  requirePermission(actor, 'system:read');
  return { disclaimer: CLASSIFICATION_DISCLAIMER, rulesVersion: CLASSIFIER_RULES_VERSION, questions: CLASSIFIER_QUESTIONS.map((q) => ({ ...q, cite: [...q.cite], options: [...q.options] })) };
}

/** What the answers so far lead to, and which question comes next; stores nothing. */
export function previewClassification(actor: Actor, input: ClassifyInput) {
  requirePermission(actor, 'system:read');
  checkAnswers(input.answers);
  return { disclaimer: CLASSIFICATION_DISCLAIMER, next: nextQuestion(input.answers), result: classifyAiSystem(input.answers) };
}
