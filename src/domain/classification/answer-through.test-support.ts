/**
 * Test support: answers the questionnaire the way a person would, one `nextQuestion` at a time,
 * from a scripted answer map. It fails when the path asks something the script does not answer,
 * when an answer is refused, and when the script answers a question the path never asks.
 */
import { classifyAiSystem, nextQuestion, validateAnswers, type ClassificationAnswers, type ClassificationResult, type ObligationRole } from './eu-ai-act-classifier.js';

export type Script = Record<string, string | string[]>;

export function answerThrough(script: Script): { answers: ClassificationAnswers; asked: string[]; result: ClassificationResult } {
  const answers: ClassificationAnswers = {};
  const asked: string[] = [];
  for (let q = nextQuestion(answers); q !== null; q = nextQuestion(answers)) {
    if (asked.includes(q.id)) throw new Error(`the answer to ${q.id} was not accepted: ${JSON.stringify(answers[q.id])}`);
    const answer = script[q.id];
    if (answer === undefined) throw new Error(`the questionnaire asked ${q.id} ("${q.text}"), which the script does not answer`);
    answers[q.id] = answer;
    asked.push(q.id);
  }
  const unused = Object.keys(script).filter((id) => !asked.includes(id));
  if (unused.length > 0) throw new Error(`the script answers questions the path never asked: ${unused.join(', ')}`);
  const issues = validateAnswers(answers);
  if (issues.length > 0) throw new Error(`a walked set of answers failed validation: ${JSON.stringify(issues)}`);
  return { answers, asked, result: classifyAiSystem(answers) };
}

/** Obligation ids of one role, sorted, for compact assertions. */
export function obligationIds(result: ClassificationResult, role: ObligationRole): string[] {
  return result.obligations.filter((o) => o.role === role).map((o) => o.id).sort();
}

export function rolesWithObligations(result: ClassificationResult): ObligationRole[] {
  return [...new Set(result.obligations.map((o) => o.role))].sort();
}

/** The opening answers for an AI system in scope, by the organisation's roles. */
export function inScope(roles: string[], extra: Script = {}): Script {
  const territorial = [
    ...(roles.includes('provider') ? ['provider-eu-market'] : []),
    ...(roles.includes('deployer') ? ['deployer-in-eu'] : []),
    ...(roles.includes('importer') || roles.includes('distributor') ? ['importer-distributor'] : []),
  ];
  const flipAsked = roles.some((r) => r !== 'provider');
  return {
    Q_SUBJECT: 'ai-system',
    Q_AI_SYSTEM: 'yes',
    Q_TERRITORIAL: territorial,
    Q_EXCLUSIONS: ['none'],
    Q_ROLE: roles,
    ...(flipAsked ? { Q_ROLE_FLIP: ['none'] } : {}),
    Q_PROHIBITED: ['none'],
    ...extra,
  };
}

/** Provider duties every high-risk system (Annex I Section A or Annex III) carries. */
export const CORE_PROVIDER_DUTIES = [
  'risk-management',
  'data-governance',
  'technical-documentation',
  'logging',
  'instructions-for-use',
  'human-oversight',
  'accuracy-robustness-cybersecurity',
  'qms',
  'conformity-assessment',
  'declaration-ce',
  'post-market-monitoring',
  'serious-incidents',
];
