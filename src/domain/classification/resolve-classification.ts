/**
 * Turns a walk of the questionnaire into a classification: the AI-system outcome, the model
 * outcome, and the obligations by role, following `resolution` in the catalog table.
 */
import { CLASSIFIER_TABLE } from './classifier-table.js';
import { holds, type ConditionContext } from './classifier-conditions.js';
import { OBLIGATION_ROLES, type ClassificationObligation, type ClassificationResult, type RiskTier, type TierRule } from './classifier-types.js';
import type { Walk } from './questionnaire-walk.js';

const { resolution, outcomes, obligations: OBLIGATIONS } = CLASSIFIER_TABLE;

function firstMatch(rules: TierRule[], ctx: ConditionContext): string | undefined {
  for (const rule of rules) {
    if (rule.else !== undefined) return rule.else;
    if (rule.if && holds(rule.if, ctx)) return rule.outcome;
  }
  return undefined;
}

function outcome(id: string) {
  const o = outcomes[id];
  if (!o) throw new Error(`classifier table: no outcome ${id}`);
  return o;
}

function uniq(values: string[]): string[] {
  return [...new Set(values)];
}

export function resolveClassification(walk: Walk): ClassificationResult {
  const base: ConditionContext = { flags: walk.flags, answers: walk.answers };
  const modelOnly = holds(resolution.modelOnly.if, base);
  const systemOutcomeId = walk.terminal ?? (modelOnly ? undefined : firstMatch(resolution.systemTier, base));
  const modelOutcomeId = firstMatch(resolution.modelTier, base);
  const systemTier: RiskTier = systemOutcomeId === undefined ? 'out-of-scope' : outcome(systemOutcomeId).tier;
  const ctx: ConditionContext = { ...base, tier: systemTier };

  const roles = new Set(OBLIGATION_ROLES.filter((role) => holds(resolution.roles[role], ctx)));
  const fria = systemOutcomeId !== undefined && holds(resolution.fria.if, ctx);
  const ossRelief = holds(resolution.gpaiOpenSource.if, ctx);

  const keys: string[] = [];
  const systemOutcome = systemOutcomeId === undefined ? undefined : outcome(systemOutcomeId);
  if (systemOutcome) {
    keys.push(...(systemOutcome.obligationKeys ?? []));
    if (fria) keys.push(resolution.fria.obligationKey);
    if (systemOutcome.transparencyCumulative) keys.push(resolution.cumulativeTransparency.obligationKey);
  }
  const modelOutcome = modelOutcomeId === undefined ? undefined : outcome(modelOutcomeId);
  keys.push(...(modelOutcome?.obligationKeys ?? []));

  const obligations: ClassificationObligation[] = [];
  for (const key of keys) {
    for (const o of OBLIGATIONS[key] ?? []) {
      if (!roles.has(o.role)) continue;
      if (o.flag !== undefined && !walk.flags.has(o.flag)) continue;
      if (o.when && !holds(o.when, ctx)) continue;
      if (ossRelief && o.ossExempt) continue;
      obligations.push({ role: o.role, id: o.id, text: o.text, cite: [...o.cite] });
    }
  }

  // Art. 50 paragraphs the system triggers, whatever the caller's role (obligations are filtered by role).
  const transparency = systemOutcome?.transparencyCumulative
    ? uniq((OBLIGATIONS[resolution.cumulativeTransparency.obligationKey] ?? []).flatMap((o) => (o.flag !== undefined && o.article !== undefined && walk.flags.has(o.flag) ? [o.article] : [])))
    : [];
  const annexIIIPoints = uniq(walk.selected.flatMap(({ option }) => (option.annexIIIPoint === undefined ? [] : [option.annexIIIPoint])));
  const art63Reasons = walk.flags.has('ART6_3_DEROGATION')
    ? walk.selected.filter(({ question, option }) => question.id === 'Q_ART6_3' && option.cite).flatMap(({ option }) => option.cite ?? [])
    : [];

  const shown = modelOnly ? modelOutcome : systemOutcome;
  const shownId = modelOnly ? modelOutcomeId : systemOutcomeId;
  const citations = uniq([
    ...(systemOutcome?.cite ?? []),
    ...(modelOutcome?.cite ?? []),
    // The articles behind each answer that changed the result (set a flag or ended the track).
    ...walk.selected.flatMap(({ question, option }) => (option.setFlags || option.terminal ? [...question.cite, ...(option.cite ?? [])] : (option.cite ?? []))),
    ...(fria ? resolution.fria.cite : []),
    ...(ossRelief && modelOutcome ? resolution.gpaiOpenSource.cite : []),
    ...obligations.flatMap((o) => o.cite),
  ]);

  return {
    complete: walk.pending === undefined,
    missing: walk.pending ? [walk.pending.id] : [],
    tier: modelOnly ? 'out-of-scope' : systemTier,
    outcomeId: shownId ?? 'UNKNOWN',
    label: shown?.label ?? 'Not classified yet',
    annexIIIPoints,
    annexI: walk.flags.has('HIGH_RISK_ANNEX_I'),
    art63Reasons,
    transparency,
    gpai: walk.flags.has('GPAI_SYSTEMIC') ? 'gpai-systemic' : walk.flags.has('GPAI') ? 'gpai' : 'none',
    fria,
    obligations,
    citations,
    path: walk.path,
    rulesVersion: CLASSIFIER_TABLE.rulesVersion,
  };
}

