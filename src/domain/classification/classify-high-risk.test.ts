// Realistic high-risk systems (Art. 6, Annex I and Annex III), answered through the questionnaire.
import { describe, expect, it } from 'vitest';
import { answerThrough, CORE_PROVIDER_DUTIES, inScope, obligationIds, rolesWithObligations } from './answer-through.test-support.js';

describe('Annex III high-risk systems', () => {
  it('CV screening sold by an HR-software vendor is high-risk under point 4(a), with provider duties only', () => {
    const { result } = answerThrough(
      inScope(['provider'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-4a'], Q_PROFILING: 'yes', Q_TRANSPARENCY: ['none'] }),
    );
    expect(result).toMatchObject({ complete: true, tier: 'high-risk', outcomeId: 'HIGH_RISK', annexIIIPoints: ['4(a)'], annexI: false, gpai: 'none', fria: false, transparency: [] });
    expect(obligationIds(result, 'provider')).toEqual(expect.arrayContaining([...CORE_PROVIDER_DUTIES, 'registration', 'ai-literacy']));
    expect(rolesWithObligations(result)).toEqual(['provider']);
    expect(result.citations).toEqual(expect.arrayContaining(['Annex III point 4(a)', 'Art. 9', 'Art. 49(1)']));
  });

  it('CV screening used by a private employer gives deployer duties, no FRIA and no provider duties', () => {
    const { result, asked } = answerThrough(
      inScope(['deployer'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-4a'], Q_PROFILING: 'yes', Q_FRIA: 'other', Q_TRANSPARENCY: ['none'] }),
    );
    expect(asked).toContain('Q_FRIA');
    expect(result).toMatchObject({ tier: 'high-risk', annexIIIPoints: ['4(a)'], fria: false });
    expect(rolesWithObligations(result)).toEqual(['deployer']);
    expect(obligationIds(result, 'deployer')).toEqual(
      ['ai-literacy', 'assign-oversight', 'cooperate', 'dpia', 'explanation', 'inform-persons', 'input-data', 'logs', 'monitor-and-report', 'use-per-instructions', 'workers-info'].sort(),
    );
  });

  it('credit scoring of individuals by a bank that built it is 5(b) and needs a FRIA whatever kind of deployer it is', () => {
    const { result } = answerThrough(
      inScope(['provider', 'deployer'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-5b'], Q_PROFILING: 'yes', Q_FRIA: 'other', Q_TRANSPARENCY: ['none'] }),
    );
    expect(result).toMatchObject({ tier: 'high-risk', annexIIIPoints: ['5(b)'], fria: true });
    expect(obligationIds(result, 'deployer')).toContain('fria');
    expect(obligationIds(result, 'provider')).toContain('risk-management');
    expect(result.citations).toContain('Art. 27(1)');
  });

  it('life and health insurance pricing is 5(c), with a FRIA for the insurer as deployer', () => {
    const { result } = answerThrough(
      inScope(['provider', 'deployer'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-5c'], Q_PROFILING: 'yes', Q_FRIA: 'other', Q_TRANSPARENCY: ['none'] }),
    );
    expect(result).toMatchObject({ tier: 'high-risk', annexIIIPoints: ['5(c)'], fria: true });
  });

  it('post-event remote biometric identification for police investigations is 1(a) even without profiling', () => {
    const { result, asked } = answerThrough(
      inScope(['provider'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-1a'], Q_PROFILING: 'no', Q_ART6_3: ['none'], Q_TRANSPARENCY: ['none'] }),
    );
    expect(asked).not.toContain('Q_ART6_3_CONFIRM');
    expect(result).toMatchObject({ tier: 'high-risk', annexIIIPoints: ['1(a)'], art63Reasons: [] });
    expect(obligationIds(result, 'provider')).toContain('conformity-assessment');
  });

  it('emotion recognition of customers in a call centre (not workers) is high-risk 1(c) plus the Art. 50(3) notice', () => {
    const { result } = answerThrough(
      inScope(['deployer'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-1c'], Q_PROFILING: 'yes', Q_FRIA: 'other', Q_TRANSPARENCY: ['50-3'] }),
    );
    expect(result).toMatchObject({ tier: 'high-risk', annexIIIPoints: ['1(c)'], transparency: ['Art. 50(3)'] });
    expect(obligationIds(result, 'deployer')).toEqual(expect.arrayContaining(['inform-exposed-persons', 'use-per-instructions']));
  });

  it('online exam proctoring used by a public university is 3(d) and 3(b), with a FRIA and public registration', () => {
    const { result } = answerThrough(
      inScope(['deployer'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-3b', 'annex3-3d'], Q_PROFILING: 'yes', Q_FRIA: 'public-body', Q_TRANSPARENCY: ['none'] }),
    );
    expect(result).toMatchObject({ tier: 'high-risk', annexIIIPoints: ['3(b)', '3(d)'], fria: true });
    expect(obligationIds(result, 'deployer')).toEqual(expect.arrayContaining(['fria', 'public-registration']));
  });

  it('emergency call triage run by a public emergency service is 5(d), without profiling or an Art. 6(3) task', () => {
    const { result } = answerThrough(
      inScope(['deployer'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-5d'], Q_PROFILING: 'no', Q_ART6_3: ['none'], Q_FRIA: 'public-body', Q_TRANSPARENCY: ['none'] }),
    );
    expect(result).toMatchObject({ tier: 'high-risk', annexIIIPoints: ['5(d)'], fria: true });
  });

  it('a visa-application assistant used by an immigration authority is 7(c) (migration and border control)', () => {
    const { result } = answerThrough(
      inScope(['deployer'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-7c'], Q_PROFILING: 'yes', Q_FRIA: 'public-body', Q_TRANSPARENCY: ['none'] }),
    );
    expect(result).toMatchObject({ tier: 'high-risk', annexIIIPoints: ['7(c)'], fria: true });
    expect(result.citations).toContain('Annex III point 7(c)');
  });

  it('a re-offending risk tool supporting parole decisions is law enforcement 6(d), not the Art. 5(1)(d) ban', () => {
    const { result } = answerThrough(
      inScope(['provider'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-6d'], Q_PROFILING: 'yes', Q_TRANSPARENCY: ['none'] }),
    );
    expect(result).toMatchObject({ tier: 'high-risk', annexIIIPoints: ['6(d)'] });
  });

  it('a case-law assistant for judges is administration of justice 8(a)', () => {
    const { result } = answerThrough(
      inScope(['deployer'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-8a'], Q_PROFILING: 'no', Q_ART6_3: ['none'], Q_FRIA: 'public-body', Q_TRANSPARENCY: ['none'] }),
    );
    expect(result).toMatchObject({ tier: 'high-risk', annexIIIPoints: ['8(a)'], fria: true });
  });

  it('a safety component of a water network is point 2: the FRIA question is skipped and no explanation duty applies', () => {
    const { result, asked } = answerThrough(
      inScope(['provider', 'deployer'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-2'], Q_PROFILING: 'no', Q_ART6_3: ['none'], Q_TRANSPARENCY: ['none'] }),
    );
    expect(asked).not.toContain('Q_FRIA');
    expect(result).toMatchObject({ tier: 'high-risk', annexIIIPoints: ['2'], fria: false });
    expect(obligationIds(result, 'deployer')).not.toContain('explanation');
    expect(obligationIds(result, 'provider')).toContain('registration');
  });

  it('an importer and a distributor of a high-risk recruitment tool get their checking duties only', () => {
    const { result } = answerThrough(
      inScope(['importer', 'distributor'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-4a'], Q_PROFILING: 'yes', Q_TRANSPARENCY: ['none'] }),
    );
    expect(result.tier).toBe('high-risk');
    expect(rolesWithObligations(result)).toEqual(['distributor', 'importer']);
    expect(obligationIds(result, 'importer')).toEqual(['importer-checks']);
    expect(obligationIds(result, 'distributor')).toEqual(['distributor-checks']);
  });

  it('a deployer that puts its own brand on a high-risk system becomes its provider (Art. 25(1)(a))', () => {
    const { result } = answerThrough({
      ...inScope(['deployer'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-4b'], Q_PROFILING: 'yes', Q_FRIA: 'other', Q_TRANSPARENCY: ['none'] }),
      Q_ROLE_FLIP: ['rebrand'],
    });
    expect(result.annexIIIPoints).toEqual(['4(b)']);
    expect(rolesWithObligations(result)).toEqual(['deployer', 'provider']);
    expect(obligationIds(result, 'provider')).toEqual(expect.arrayContaining(CORE_PROVIDER_DUTIES));
  });
});

describe('Annex I product systems', () => {
  it('a diagnostic component of a medical device needing a notified body is high-risk under Annex I, not registered under Art. 49(1)', () => {
    const { result } = answerThrough(
      inScope(['provider'], { Q_ANNEX_I_PRODUCT: 'yes', Q_ANNEX_I_SECTION: 'section-a', Q_ANNEX_I_THIRD_PARTY: 'yes', Q_ANNEX_III: ['none'], Q_TRANSPARENCY: ['none'] }),
    );
    expect(result).toMatchObject({ tier: 'high-risk', outcomeId: 'HIGH_RISK', annexI: true, annexIIIPoints: [], fria: false });
    expect(obligationIds(result, 'provider')).toEqual(expect.arrayContaining(CORE_PROVIDER_DUTIES));
    expect(obligationIds(result, 'provider')).not.toContain('registration');
    expect(result.citations).toEqual(expect.arrayContaining(['Art. 6(1)(b)', 'Annex I']));
  });

  it('a machine whose maker assesses conformity itself is not high-risk through Annex I', () => {
    const { result } = answerThrough(
      inScope(['provider'], { Q_ANNEX_I_PRODUCT: 'yes', Q_ANNEX_I_SECTION: 'section-a', Q_ANNEX_I_THIRD_PARTY: 'no', Q_ANNEX_III: ['none'], Q_TRANSPARENCY: ['none'] }),
    );
    expect(result).toMatchObject({ tier: 'minimal', annexI: false });
  });

  it('a driver-assistance function in a type-approved car (Section B) is high-risk through the sector law (Art. 2(2))', () => {
    const { result } = answerThrough(
      inScope(['provider'], { Q_ANNEX_I_PRODUCT: 'yes', Q_ANNEX_I_SECTION: 'section-b', Q_ANNEX_I_THIRD_PARTY: 'yes', Q_ANNEX_III: ['none'], Q_TRANSPARENCY: ['none'] }),
    );
    expect(result).toMatchObject({ tier: 'high-risk', outcomeId: 'HIGH_RISK_ANNEX_I_SECTORAL', annexI: true });
    expect(obligationIds(result, 'provider')).toEqual(['ai-literacy', 'sectoral-requirements']);
    expect(result.citations).toContain('Art. 2(2)');
  });
});

describe('the Art. 6(3) exception', () => {
  const sorter = { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['annex3-4a'] };

  it('a tool that only sorts incoming applications by job reference is exempt, with its reasons and the documentation duties', () => {
    const { result } = answerThrough(
      inScope(['provider'], { ...sorter, Q_PROFILING: 'no', Q_ART6_3: ['6-3-a', '6-3-d'], Q_ART6_3_CONFIRM: 'yes', Q_TRANSPARENCY: ['none'] }),
    );
    expect(result).toMatchObject({ tier: 'art6-3-exception', outcomeId: 'NOT_HIGH_RISK_ART6_3', annexIIIPoints: ['4(a)'], art63Reasons: ['Art. 6(3)(a)', 'Art. 6(3)(d)'] });
    expect(obligationIds(result, 'provider')).toEqual(['ai-literacy', 'document-assessment', 'register-exempt-system']);
    expect(result.citations).toEqual(expect.arrayContaining(['Art. 6(4)', 'Art. 49(2)']));
  });

  it('the same tool that also profiles the applicants is high-risk: profiling voids the exception and its questions are not asked', () => {
    const { result, asked } = answerThrough(inScope(['provider'], { ...sorter, Q_PROFILING: 'yes', Q_TRANSPARENCY: ['none'] }));
    expect(asked).not.toContain('Q_ART6_3');
    expect(result).toMatchObject({ tier: 'high-risk', art63Reasons: [] });
  });

  it('a task that fits Art. 6(3) but without a documented no-significant-risk assessment stays high-risk', () => {
    const { result } = answerThrough(
      inScope(['provider'], { ...sorter, Q_PROFILING: 'no', Q_ART6_3: ['6-3-b'], Q_ART6_3_CONFIRM: 'no', Q_TRANSPARENCY: ['none'] }),
    );
    expect(result).toMatchObject({ tier: 'high-risk', art63Reasons: [] });
  });

  it('an exempt system that talks to people keeps its Art. 50(1) duty (Art. 50(6))', () => {
    const { result } = answerThrough(
      inScope(['provider'], { ...sorter, Q_PROFILING: 'no', Q_ART6_3: ['6-3-a'], Q_ART6_3_CONFIRM: 'yes', Q_TRANSPARENCY: ['50-1'] }),
    );
    expect(result).toMatchObject({ tier: 'art6-3-exception', transparency: ['Art. 50(1)'] });
    expect(obligationIds(result, 'provider')).toContain('disclose-ai-interaction');
  });
});
