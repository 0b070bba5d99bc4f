import { describe, expect, it } from 'vitest';
import { assessmentCompleteness, checkAssessmentDecision, type AssessmentContent } from './impact-assessment.js';

const complete: AssessmentContent = {
  purpose: 'Decide consumer loan applications',
  intendedUse: 'Pre-screen applications; a credit officer decides',
  foreseeableMisuse: 'Used as the sole basis for refusal',
  stakeholders: [{ group: 'Applicants', vulnerable: false }, { group: 'Applicants with thin credit files', vulnerable: true }],
  impacts: [{ kind: 'harm', description: 'Unfair refusal', affects: 'individuals', severity: 4, likelihood: 3 }],
  fundamentalRights: null,
  mitigations: ['Bias monitoring per group'],
  humanOversight: 'Every refusal reviewed by a credit officer',
};

describe('assessmentCompleteness', () => {
  it('is complete when every section is filled; without Art. 27 the section is not listed', () => {
    const sections = assessmentCompleteness(complete, false);
    expect(sections.every((s) => s.complete)).toBe(true);
    expect(sections.map((s) => s.section)).not.toContain('fundamentalRights');
    expect(sections).toHaveLength(7);
  });
  it('names what each section lacks; a deployer of a high-risk system needs the Art. 27 fields', () => {
    const sections = assessmentCompleteness({ ...complete, purpose: ' ', impacts: [{ ...complete.impacts[0]!, kind: 'benefit' }] }, true);
    expect(sections.filter((s) => !s.complete)).toEqual([
      { section: 'purpose', complete: false, missing: ['purpose is empty'] },
      { section: 'impacts', complete: false, missing: ['no potential harm assessed'] },
      { section: 'fundamentalRights', complete: false, missing: ['the Art. 27 assessment is required for a deployer of a high-risk system'] },
    ]);
    const partial = { processDescription: 'x', periodAndFrequency: '', affectedCategories: 'y', specificRisks: 'z', oversightMeasures: 'o', measuresIfRisksMaterialise: ' ' };
    const fr = assessmentCompleteness({ ...complete, fundamentalRights: partial }, true).find((s) => s.section === 'fundamentalRights')!;
    expect(fr.missing).toEqual(['periodAndFrequency is empty', 'measuresIfRisksMaterialise is empty']);
  });
});

describe('checkAssessmentDecision', () => {
  it('refuses anything but a submitted assessment', () => {
    expect(checkAssessmentDecision('draft', 'u2', ['u1'])).toMatchObject({ code: 'CONFLICT' });
  });
  it('refuses the author or submitter, accepts someone else', () => {
    expect(checkAssessmentDecision('submitted', 'u1', ['u1', 'u3'])).toMatchObject({ code: 'FORBIDDEN' });
    expect(checkAssessmentDecision('submitted', 'u3', ['u1', 'u3'])).toMatchObject({ code: 'FORBIDDEN' });
    expect(checkAssessmentDecision('submitted', 'u2', ['u1', 'u3'])).toBeNull();
  });
});
