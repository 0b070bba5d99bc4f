import { nextQuestion } from '../../src/domain/classification/eu-ai-act-classifier.js';
import { call, type Harness } from './harness.js';

type Auth = { token?: string; headers?: Record<string, string> };

/**
 * Answers for a credit-decision engine that the EU AI Act screening puts in Annex III point 5(b)
 * (creditworthiness of natural persons). Built by walking the questionnaire, so the answers stay
 * on the path if the table gains questions; anything not named takes "none"/the first option.
 */
export function creditEngineAnswers(): Record<string, string | string[]> {
  const picks: Record<string, string | string[]> = {
    Q_SUBJECT: 'ai-system',
    Q_AI_SYSTEM: 'yes',
    Q_TERRITORIAL: ['provider-eu-market', 'deployer-in-eu'],
    Q_EXCLUSIONS: ['none'],
    Q_ROLE: ['provider', 'deployer'],
    Q_ROLE_FLIP: ['none'],
    Q_PROHIBITED: ['none'],
    Q_ANNEX_I_PRODUCT: 'no',
    Q_ANNEX_III: ['annex3-5b'],
    Q_PROFILING: 'yes',
    Q_FRIA: 'other',
    Q_TRANSPARENCY: ['none'],
    Q_GPAI_GATE: 'no',
  };
  const answers: Record<string, string | string[]> = {};
  for (let step = 0; step < 50; step++) {
    const question = nextQuestion(answers);
    if (!question) return answers;
    const hasNone = question.options.some((o) => o.value === 'none');
    answers[question.id] = picks[question.id] ?? (question.type === 'multi' ? [hasNone ? 'none' : question.options[0]!.value] : question.options.find((o) => o.value === 'no')?.value ?? question.options[0]!.value);
  }
  throw new Error('the questionnaire did not end');
}

export interface CreditEngine {
  supplierId: string;
  modelId: string;
  modelVersionId: string;
  datasetId: string;
  datasetVersionId: string;
  systemId: string;
}

async function ok(h: Harness, method: string, path: string, auth: Auth, body?: unknown) {
  const response = await call(h, method, path, { ...auth, body });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.text}`);
  return response.json;
}

/** The Done-when inventory: a credit-decision engine with its model, dataset and supplier, through the API. */
export async function inventoryCreditEngine(h: Harness, auth: Auth, suffix = ''): Promise<CreditEngine> {
  const supplier = await ok(h, 'POST', '/api/v1/suppliers', auth, {
    name: `Bureau Data GmbH${suffix}`,
    kind: 'data_vendor',
    contractReference: 'MSA-2025-017',
    components: [{ name: 'Credit bureau feed', type: 'data', version: '2025.1' }],
  });
  const dataset = await ok(h, 'POST', '/api/v1/datasets', auth, { name: `loan-history${suffix}`, description: 'Historic consumer loans with repayment outcome', supplierId: supplier.id });
  const datasetVersion = await ok(h, 'POST', `/api/v1/datasets/${dataset.id}/versions`, auth, {
    version: '2019-2024',
    source: 'Core banking system and bureau feed',
    collectionMethod: 'Export of closed loans',
    licence: 'Internal; bureau data under MSA-2025-017',
    consentBasis: 'GDPR Art. 6(1)(b) contract',
    containsPersonalData: true,
    preprocessingSteps: ['drop applicants under 18', 'impute missing income'],
    representativenessNotes: 'Under-represents applicants over 75',
    qualityChecks: [{ name: 'missing values < 2%', result: 'pass' }],
  });
  const model = await ok(h, 'POST', '/api/v1/models', auth, {
    name: `credit-risk-xgb${suffix}`,
    description: 'Probability of default for consumer loan applications',
    task: 'classification',
    approach: 'supervised',
    architectureFamily: 'gradient boosted trees',
    modelArchitecture: 'XGBoost',
    inputs: ['tabular'],
    outputs: ['probability'],
  });
  const modelVersion = await ok(h, 'POST', `/api/v1/models/${model.id}/versions`, auth, {
    version: '2.3.0',
    artifactDigest: `sha256:${'ab'.repeat(32)}`,
    trainingDate: '2025-03-01',
    datasetVersionIds: [datasetVersion.id],
    hyperparameters: { max_depth: 6, eta: 0.1, objective: 'binary:logistic' },
    metrics: [
      { name: 'AUC', kind: 'performance', value: 0.87, lowerBound: 0.85, upperBound: 0.89 },
      { name: 'AUC', kind: 'performance', value: 0.84, slice: 'age>=65' },
      { name: 'demographic parity difference', kind: 'fairness', value: 0.03, slice: 'age' },
    ],
    limitations: ['not validated for small businesses'],
  });
  const system = await ok(h, 'POST', '/api/v1/systems', auth, {
    name: `Credit decision engine${suffix}`,
    purpose: 'Decides on consumer loan applications up to EUR 50,000',
    intendedUse: 'Creditworthiness assessment of natural persons applying for consumer loans',
    foreseeableMisuse: 'Use for employment screening or for business loans',
    businessObjectives: 'Faster, consistent credit decisions',
    successMetrics: ['default rate below 2%', 'decision within 1 minute'],
    businessUnit: 'Retail lending',
    regions: ['EU', 'DE'],
    lifecycleStage: 'deployed',
    organizationRoles: ['developer', 'provider', 'deployer'],
    affectedStakeholders: ['loan applicants', 'credit officers'],
    decisionsAndOutputs: 'Approve, refer or decline, with a probability of default',
    autonomyLevel: 'human_approved',
    humanOversight: 'human_in_the_loop',
    regulatoryExposure: ['EU AI Act', 'GDPR', 'Consumer Credit Directive'],
    inAimsScope: true,
    impactOnPeople: 'high',
    safetyImpact: 'low',
    peopleAffected: 100000,
    decisionsPerMonth: 20000,
    modelIds: [model.id],
  });
  await ok(h, 'PATCH', `/api/v1/suppliers/${supplier.id}`, auth, { systemIds: [system.id] });
  return { supplierId: supplier.id, modelId: model.id, modelVersionId: modelVersion.id, datasetId: dataset.id, datasetVersionId: datasetVersion.id, systemId: system.id };
}
