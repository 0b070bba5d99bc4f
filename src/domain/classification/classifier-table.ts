/**
 * The EU AI Act decision table, loaded from the catalog and checked once at load. The JSON is
 * the single source of the questions, routing, outcomes and obligations; code only walks it.
 */
import table from '../../../catalog/eu-ai-act/classifier-2024-1689.json' with { type: 'json' };
import { OBLIGATION_ROLES, type ClassifierTable, type Condition } from './classifier-types.js';

export const END = 'END';

/**
 * Structural problems of a table, as readable lines (empty when sound). JSON imports are typed
 * loosely (strings, not unions), so this is what stands behind the cast below.
 */
export function checkClassifierTable(t: ClassifierTable): string[] {
  const problems: string[] = [];
  const questionIds = new Set(t.questions.map((q) => q.id));
  const isTarget = (id: string) => id === END || questionIds.has(id);
  if (questionIds.size !== t.questions.length) problems.push('question ids are not unique');
  if (!questionIds.has(t.start)) problems.push(`start ${t.start} is not a question`);

  const checkCondition = (c: Condition, where: string): void => {
    if ('answer' in c) {
      const q = t.questions.find((x) => x.id === c.answer.q);
      if (!q) problems.push(`${where}: condition names unknown question ${c.answer.q}`);
      else if (!q.options.some((o) => o.value === c.answer.includes)) problems.push(`${where}: condition names unknown option ${c.answer.q}=${c.answer.includes}`);
    } else if ('not' in c) checkCondition(c.not, where);
    else if ('allOf' in c) c.allOf.forEach((x) => checkCondition(x, where));
    else if ('anyOf' in c) c.anyOf.forEach((x) => checkCondition(x, where));
  };

  for (const q of t.questions) {
    if (!['single', 'multi', 'boolean'].includes(q.type)) problems.push(`${q.id}: unknown type ${q.type}`);
    if (q.cite.length === 0) problems.push(`${q.id}: cites no article`);
    if (q.options.length === 0) problems.push(`${q.id}: has no options`);
    if (new Set(q.options.map((o) => o.value)).size !== q.options.length) problems.push(`${q.id}: option values are not unique`);
    if (q.next !== undefined && !isTarget(q.next)) problems.push(`${q.id}: next ${q.next} does not exist`);
    if (q.when) {
      checkCondition(q.when, q.id);
      if (q.next === undefined) problems.push(`${q.id}: has a 'when' but no 'next' to skip to`);
    }
    for (const o of q.options) {
      if (o.next !== undefined && !isTarget(o.next)) problems.push(`${q.id}=${o.value}: next ${o.next} does not exist`);
      if (o.terminal !== undefined && !(o.terminal in t.outcomes)) problems.push(`${q.id}=${o.value}: terminal ${o.terminal} is not an outcome`);
      if (q.next === undefined && o.next === undefined && o.terminal === undefined) problems.push(`${q.id}=${o.value}: leads nowhere`);
    }
  }

  for (const [id, outcome] of Object.entries(t.outcomes)) {
    for (const key of outcome.obligationKeys ?? []) {
      if (!(key in t.obligations)) problems.push(`outcome ${id}: obligation key ${key} does not exist`);
    }
  }
  for (const rule of [...t.resolution.systemTier, ...t.resolution.modelTier]) {
    const target = rule.outcome ?? rule.else;
    if (target === undefined || !(target in t.outcomes)) problems.push(`tier rule points to unknown outcome ${String(target)}`);
    if (rule.if) checkCondition(rule.if, `tier rule ${String(target)}`);
  }
  for (const id of t.resolution.terminalPrecedence) if (!(id in t.outcomes)) problems.push(`terminalPrecedence names unknown outcome ${id}`);
  if (!isTarget(t.resolution.afterTerminal.next)) problems.push('afterTerminal.next does not exist');
  for (const key of [t.resolution.cumulativeTransparency.obligationKey, t.resolution.fria.obligationKey]) {
    if (!(key in t.obligations)) problems.push(`resolution names unknown obligation key ${key}`);
  }

  const seen = new Set<string>();
  for (const [key, list] of Object.entries(t.obligations)) {
    for (const o of list) {
      if (!OBLIGATION_ROLES.includes(o.role)) problems.push(`obligation ${key}/${o.id}: unknown role ${o.role}`);
      if (o.cite.length === 0) problems.push(`obligation ${key}/${o.id}: cites no article`);
      if (seen.has(`${o.role}/${o.id}`)) problems.push(`obligation ${o.role}/${o.id} is not unique`);
      seen.add(`${o.role}/${o.id}`);
      if (o.when) checkCondition(o.when, `obligation ${key}/${o.id}`);
    }
  }
  return problems;
}

export const CLASSIFIER_TABLE = table as unknown as ClassifierTable;

const problems = checkClassifierTable(CLASSIFIER_TABLE);
if (problems.length > 0) throw new Error(`EU AI Act classifier table is inconsistent: ${problems.join('; ')}`);
