import type { Tone } from '../../components/status-badge.js';
import type { CoverageItem } from '../../api/catalog.api.js';

type State = CoverageItem['state'];

/** Words and colours for the coverage states the server computes (src/domain/soa/crosswalk-coverage.ts). */
export const STATE_LABEL: Record<State, string> = { covered: 'Covered', partial: 'Partial', gap: 'Gap', unmapped: 'Unmapped' };
export const STATE_TONE: Record<State, Tone> = { covered: 'ok', partial: 'warn', gap: 'danger', unmapped: 'neutral' };
export const STATE_HELP: Record<State, string> = {
  covered: 'every mapped Annex A control is implemented',
  partial: 'some mapped Annex A controls are implemented',
  gap: 'no mapped Annex A control is implemented',
  unmapped: 'only clauses (no Annex A control) map here',
};
export const STATES: readonly State[] = ['gap', 'partial', 'covered', 'unmapped'];

/** What the crosswalk itself says 42001 can cover of an item at best, before looking at the SoA. */
export const CROSSWALK_COVERAGE_LABEL: Record<string, string> = { full: 'Full', partial: 'Partial', weak: 'Weak', none: 'None' };

/** Crosswalks to a law get a plain warning: a mapping is a screening aid, not a legal assessment. */
export function isLegalTarget(targetCatalogId: string): boolean {
  return targetCatalogId.startsWith('eu-ai-act');
}
