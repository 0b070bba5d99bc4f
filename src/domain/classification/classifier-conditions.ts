/** Evaluates the table's condition language (`resolution.conditionDsl` in the catalog). */
import type { Condition, RiskTier } from './classifier-types.js';

export interface ConditionContext {
  flags: ReadonlySet<string>;
  /** Accepted answers, always as a list of option values. */
  answers: ReadonlyMap<string, readonly string[]>;
  /** The AI-system tier, once known; a `tier` condition is false before that. */
  tier?: RiskTier;
}

const ANNEX_III_POINT_FLAG = 'ANNEX_III_';

export function holds(c: Condition, ctx: ConditionContext): boolean {
  if ('flag' in c) return ctx.flags.has(c.flag);
  if ('anyFlag' in c) return c.anyFlag.some((f) => ctx.flags.has(f));
  if ('flagsOnly' in c) {
    // "Only these Annex III points": e.g. FRIA is not required for area 2 alone (Art. 27(1)).
    const points = [...ctx.flags].filter((f) => f.startsWith(ANNEX_III_POINT_FLAG));
    return points.length > 0 && points.every((f) => c.flagsOnly.includes(f));
  }
  if ('answer' in c) return ctx.answers.get(c.answer.q)?.includes(c.answer.includes) ?? false;
  if ('tier' in c) return ctx.tier === c.tier;
  if ('not' in c) return !holds(c.not, ctx);
  if ('allOf' in c) return c.allOf.every((x) => holds(x, ctx));
  return c.anyOf.some((x) => holds(x, ctx));
}
