/**
 * The AI system impact assessment (ISO/IEC 42001 6.1.4, 8.4, A.5; structure after ISO/IEC 42005;
 * EU AI Act Art. 27 fields for deployers of high-risk systems). Pure rules: which sections are
 * complete, when it may be submitted, who may approve it.
 */

export const ASSESSMENT_STATES = ['draft', 'submitted', 'approved', 'changes_requested', 'superseded'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export interface Stakeholder {
  group: string;
  vulnerable: boolean;
  notes?: string | undefined;
}

export interface ImpactItem {
  kind: 'harm' | 'benefit';
  description: string;
  /** Who bears it: individuals, a group, or society (ISO/IEC 42005). */
  affects: 'individuals' | 'groups' | 'society';
  severity: number;
  likelihood: number;
}

/** EU AI Act Art. 27(1)(a)–(f): the fundamental-rights impact assessment of a deployer. */
export interface FundamentalRights {
  processDescription: string;
  periodAndFrequency: string;
  affectedCategories: string;
  specificRisks: string;
  oversightMeasures: string;
  measuresIfRisksMaterialise: string;
}

export interface AssessmentContent {
  purpose: string;
  intendedUse: string;
  foreseeableMisuse: string;
  stakeholders: Stakeholder[];
  impacts: ImpactItem[];
  fundamentalRights: FundamentalRights | null;
  mitigations: string[];
  humanOversight: string;
}

export const ASSESSMENT_SECTIONS = ['purpose', 'intendedUse', 'foreseeableMisuse', 'stakeholders', 'impacts', 'fundamentalRights', 'mitigations', 'humanOversight'] as const;
export type AssessmentSection = (typeof ASSESSMENT_SECTIONS)[number];

export interface SectionCompleteness {
  section: AssessmentSection;
  complete: boolean;
  missing: string[];
}

/**
 * What each section still lacks. The fundamental-rights section is part of the assessment only
 * when the organization deploys a high-risk system (Art. 27); otherwise it is not listed.
 */
export function assessmentCompleteness(content: AssessmentContent, fundamentalRightsRequired: boolean): SectionCompleteness[] {
  const text = (value: string) => value.trim().length > 0;
  const result = (section: AssessmentSection, missing: string[]): SectionCompleteness => ({ section, complete: missing.length === 0, missing });
  const fr = content.fundamentalRights;
  const frMissing = !fundamentalRightsRequired
    ? []
    : fr === null
      ? ['the Art. 27 assessment is required for a deployer of a high-risk system']
      : (Object.entries(fr) as Array<[string, string]>).filter(([, v]) => !text(v)).map(([k]) => `${k} is empty`);
  const sections = [
    result('purpose', text(content.purpose) ? [] : ['purpose is empty']),
    result('intendedUse', text(content.intendedUse) ? [] : ['intended use is empty']),
    result('foreseeableMisuse', text(content.foreseeableMisuse) ? [] : ['foreseeable misuse is empty']),
    result('stakeholders', content.stakeholders.length > 0 ? [] : ['no affected stakeholder group']),
    result('impacts', content.impacts.some((i) => i.kind === 'harm') ? [] : ['no potential harm assessed']),
    result('fundamentalRights', frMissing),
    result('mitigations', content.mitigations.some(text) ? [] : ['no mitigation']),
    result('humanOversight', text(content.humanOversight) ? [] : ['human oversight measures are empty']),
  ];
  return fundamentalRightsRequired ? sections : sections.filter((s) => s.section !== 'fundamentalRights');
}

export type AssessmentDecision = 'approve' | 'request_changes';

export interface DecisionCheck {
  field: string;
  reason: string;
  code: 'CONFLICT' | 'FORBIDDEN' | 'VALIDATION_FAILED';
}

/**
 * An approver decides a submitted assessment; never its author or submitter (segregation of
 * duties, A.3.2). Returns what stops the decision, if anything.
 */
export function checkAssessmentDecision(state: AssessmentState, deciderUserId: string | null, authorUserIds: ReadonlyArray<string | null>): DecisionCheck | null {
  if (state !== 'submitted') return { field: 'state', reason: `only a submitted assessment can be decided; this one is ${state}`, code: 'CONFLICT' };
  if (deciderUserId !== null && authorUserIds.includes(deciderUserId)) {
    return { field: 'decision', reason: 'segregation of duties: you wrote or submitted this assessment, so someone else must decide it', code: 'FORBIDDEN' };
  }
  return null;
}
