/**
 * EU AI Act screening (Regulation (EU) 2024/1689): the questionnaire, its validation and the
 * classification. Pure and table-driven: the questions, routing, outcomes and obligations are
 * in catalog/eu-ai-act/classifier-2024-1689.json; this module only walks that table.
 *
 * Incomplete answers: `classifyAiSystem` returns `complete: false`, `missing` holds the next
 * unanswered question (the rest of the path depends on its answer), and the tier is the one the
 * answers so far support. Before any high-risk, Art. 6(3) or Art. 50 answer that is 'minimal'
 * (the fall-through rule), so a caller must not show an incomplete tier as a result.
 *
 * Screening a model only (Q_SUBJECT = 'gpai-model'): no AI-system tier applies, so `tier` is
 * 'out-of-scope' and `outcomeId`/`label` are the model outcome (GPAI, GPAI_SYSTEMIC or
 * NOT_GPAI_MODEL); `gpai` says which.
 *
 * Before the model question is answered in that case, `outcomeId` is 'UNKNOWN'. `path` lists the
 * questions answered along the path; skipped questions (a false `when`) are not in it.
 */
import { CLASSIFIER_TABLE } from './classifier-table.js';
import type { ClassificationAnswers, ClassificationResult, ClassifierQuestion, IncidentClock } from './classifier-types.js';
import { answerProblem, findQuestion, reachableFrom, walkQuestionnaire } from './questionnaire-walk.js';
import { resolveClassification } from './resolve-classification.js';

export type {
  ClassificationAnswers,
  ClassificationObligation,
  ClassificationResult,
  ClassifierQuestion,
  ObligationRole,
  RiskTier,
  ApplicationDate,
  IncidentClock,
} from './classifier-types.js';

/** Every question of the table, in table order, as the questionnaire shows it. */
export const CLASSIFIER_QUESTIONS: readonly ClassifierQuestion[] = CLASSIFIER_TABLE.questions.map((q) => ({
  id: q.id,
  section: q.section,
  type: q.type,
  text: q.text,
  ...(q.help === undefined ? {} : { help: q.help }),
  cite: [...q.cite],
  options: q.options.map((o) => ({ value: o.value, label: o.label })),
}));

const PUBLIC_BY_ID = new Map(CLASSIFIER_QUESTIONS.map((q) => [q.id, q]));

export const CLASSIFICATION_DISCLAIMER: string = CLASSIFIER_TABLE.disclaimer;

export const CLASSIFIER_RULES_VERSION: string = CLASSIFIER_TABLE.rulesVersion;

/** The regulation as cited (CELEX, ELI) and the other sources of the table. */
export const CLASSIFIER_SOURCES = CLASSIFIER_TABLE.sources;

/** When the Act's parts apply; entries marked `verify` come from the Digital Omnibus on AI. */
export const AI_ACT_APPLICATION_DATES = CLASSIFIER_TABLE.applicationDates;

/**
 * Art. 73 reporting deadlines for serious incidents, counted in days from awareness: 15 by
 * default (73(2)), 10 for a death (73(4)), 2 for a widespread infringement or a serious
 * disruption of critical infrastructure (73(3)). The shortest applicable one governs.
 */
export const SERIOUS_INCIDENT_DEADLINES: { definition: string; clocks: readonly IncidentClock[]; notes: string } = CLASSIFIER_TABLE.incidentDeadlines;

/** The next unanswered question on the path the answers take, or null when the path is complete. */
export function nextQuestion(answers: ClassificationAnswers): (typeof CLASSIFIER_QUESTIONS)[number] | null {
  const { pending } = walkQuestionnaire(answers);
  return pending ? (PUBLIC_BY_ID.get(pending.id) ?? null) : null;
}

/**
 * Problems with a set of answers: unknown questions, unknown or malformed option values, and
 * answers to questions the path does not reach (given the other answers).
 */
export function validateAnswers(answers: ClassificationAnswers): { questionId: string; reason: string }[] {
  const issues: { questionId: string; reason: string }[] = [];
  let malformed = false;
  for (const [questionId, answer] of Object.entries(answers)) {
    const q = findQuestion(questionId);
    if (!q) {
      issues.push({ questionId, reason: 'is not a question of the classifier' });
      continue;
    }
    const problem = answerProblem(q, answer);
    if (problem !== undefined) {
      issues.push({ questionId, reason: problem });
      malformed = true;
    }
  }
  // Which questions lie on the path is only known once the answers on it are well formed. While
  // a question is still open, an answer further on counts only if that question can lead to it.
  if (!malformed) {
    const walk = walkQuestionnaire(answers);
    const onPath = new Set(walk.path);
    const stillReachable = walk.pending ? reachableFrom(walk.pending.id) : new Set<string>();
    for (const questionId of Object.keys(answers)) {
      if (findQuestion(questionId) && !onPath.has(questionId) && !stillReachable.has(questionId)) {
        issues.push({ questionId, reason: 'is not on the path these answers take; remove the answer' });
      }
    }
  }
  return issues;
}

/** Classifies the answers; see the module comment for incomplete answers and model-only screening. */
export function classifyAiSystem(answers: ClassificationAnswers): ClassificationResult {
  return resolveClassification(walkQuestionnaire(answers));
}
