import type { Confidence, Crosswalk, CrosswalkRelation, FrameworkCatalog } from '../catalog/catalog.types.js';
import type { ControlStatus, SoaControlEntry } from './soa-document.js';

export interface CoveredBy {
  id: string;
  title: string;
  kind: 'control' | 'clause';
  relation: CrosswalkRelation;
  confidence: Confidence;
  source: string;
  /** For Annex A controls: the SoA status; clauses are not in the SoA. */
  status: ControlStatus | null;
  note: string | null;
}

export type CoverageState = 'covered' | 'partial' | 'gap' | 'unmapped';

export interface TargetCoverage {
  id: string;
  title: string;
  state: CoverageState;
  /** Implemented mapped controls over mapped controls (0–1); null when no control maps here. */
  ratio: number | null;
  /** What the crosswalk says 42001 covers of this item at best, before looking at the SoA. */
  crosswalkCoverage: 'full' | 'partial' | 'weak' | 'none' | null;
  mappedBy: CoveredBy[];
  gaps: string[];
}

export interface CoverageReport {
  crosswalkId: string;
  target: { id: string; name: string; edition: string };
  summary: Record<CoverageState, number>;
  items: TargetCoverage[];
}

/**
 * "What does my 42001 work cover of framework X?", answered from the SoA: a target item is
 * covered when every Annex A control mapped to it is implemented, partly when some are, and a
 * gap when none are. The crosswalk's own notes (what 42001 leaves out entirely) are listed as gaps
 * too, so full SoA coverage never hides a known gap in the standard itself.
 */
export function computeCoverage(crosswalk: Crosswalk, target: FrameworkCatalog, source: FrameworkCatalog, controls: readonly SoaControlEntry[]): CoverageReport {
  const statusOf = new Map(controls.map((c) => [c.controlId, c]));
  const titleOf = new Map(source.items.map((i) => [i.id, i.title]));
  const noteOf = new Map(crosswalk.targetNotes.map((n) => [n.toId, n]));
  const targetIds = new Set(crosswalk.mappings.map((m) => m.toId));
  for (const note of crosswalk.targetNotes) targetIds.add(note.toId);

  const items = target.items
    .filter((item) => targetIds.has(item.id))
    .map((item): TargetCoverage => {
      const mappedBy = crosswalk.mappings
        .filter((m) => m.toId === item.id)
        .map((m): CoveredBy => {
          const control = statusOf.get(m.fromId);
          return {
            id: m.fromId,
            title: titleOf.get(m.fromId) ?? m.fromId,
            kind: control ? 'control' : 'clause',
            relation: m.relation,
            confidence: m.confidence,
            source: m.source,
            status: control?.status ?? null,
            note: m.note ?? null,
          };
        });
      const mappedControls = mappedBy.filter((m) => m.kind === 'control');
      const implemented = mappedControls.filter((m) => m.status === 'implemented').length;
      const ratio = mappedControls.length === 0 ? null : implemented / mappedControls.length;
      const state: CoverageState = ratio === null ? 'unmapped' : ratio === 1 ? 'covered' : ratio > 0 ? 'partial' : 'gap';
      const note = noteOf.get(item.id);
      const gaps = [
        ...mappedControls.filter((m) => m.status !== 'implemented').map((m) => `${m.id} ${m.title} is ${m.status === 'not_applicable' ? 'excluded from the SoA' : (m.status ?? 'not_started').replace('_', ' ')}`),
        ...(note?.gaps ?? []),
      ];
      return { id: item.id, title: item.title, state, ratio, crosswalkCoverage: note?.coverage ?? null, mappedBy, gaps };
    });

  const summary: Record<CoverageState, number> = { covered: 0, partial: 0, gap: 0, unmapped: 0 };
  for (const item of items) summary[item.state] += 1;
  return { crosswalkId: crosswalk.id, target: { id: target.id, name: target.name, edition: target.edition }, summary, items };
}
