// Realistic systems outside the high-risk tier: prohibited practices, Art. 50 transparency,
// minimal risk, out of scope, and general-purpose AI models (Chapter V).
import { describe, expect, it } from 'vitest';
import { CLASSIFIER_QUESTIONS } from './eu-ai-act-classifier.js';
import { answerThrough, inScope, obligationIds, rolesWithObligations, type Script } from './answer-through.test-support.js';

const NOT_HIGH_RISK = { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['none'] };

describe('prohibited practices (Art. 5)', () => {
  it('emotion recognition of employees at the workplace is prohibited under Art. 5(1)(f); the deployer must stop using it', () => {
    const { result, asked } = answerThrough({ ...inScope(['deployer']), Q_PROHIBITED: ['5-1-f'] });
    expect(asked.at(-1)).toBe('Q_PROHIBITED');
    expect(result).toMatchObject({ complete: true, tier: 'prohibited', outcomeId: 'PROHIBITED', transparency: [], fria: false });
    expect(obligationIds(result, 'deployer')).toEqual(['do-not-use']);
    expect(result.citations).toEqual(expect.arrayContaining(['Art. 5', 'Art. 5(1)(f)', 'Art. 99(3)']));
  });

  it('social scoring of residents by a municipality is prohibited under Art. 5(1)(c), for its provider and deployer', () => {
    const { result } = answerThrough({ ...inScope(['provider', 'deployer']), Q_PROHIBITED: ['5-1-c'] });
    expect(result.tier).toBe('prohibited');
    expect(rolesWithObligations(result)).toEqual(['deployer', 'provider']);
    expect(obligationIds(result, 'provider')).toEqual(['do-not-place-on-market']);
  });

  it('real-time face identification in public for police, outside the exceptions, is prohibited (Art. 5(1)(h))', () => {
    const { result } = answerThrough({ ...inScope(['provider']), Q_PROHIBITED: ['5-1-h', '5-1-e'] });
    expect(result.tier).toBe('prohibited');
    expect(result.citations).toEqual(expect.arrayContaining(['Art. 5(1)(h)', 'Art. 5(1)(e)']));
  });

  it('a company with its own model and a nudification app: the app is prohibited, the model track is still screened', () => {
    const { result, asked } = answerThrough({
      ...inScope(['provider']),
      Q_SUBJECT: 'both',
      Q_PROHIBITED: ['omnibus-ncii-csam'],
      Q_GPAI_GATE: 'yes',
      Q_GPAI_MODEL: 'yes',
      Q_GPAI_SYSTEMIC: 'neither',
      Q_GPAI_OPEN: 'no',
      Q_GPAI_LEGACY: 'no',
    });
    expect(asked).not.toContain('Q_ANNEX_III');
    expect(result).toMatchObject({ tier: 'prohibited', outcomeId: 'PROHIBITED', gpai: 'gpai' });
    expect(rolesWithObligations(result)).toEqual(['gpai-provider', 'provider']);
  });
});

describe('transparency (Art. 50) and minimal risk', () => {
  it('a customer-service chatbot is a transparency case under Art. 50(1)', () => {
    const { result } = answerThrough(inScope(['provider', 'deployer'], { ...NOT_HIGH_RISK, Q_TRANSPARENCY: ['50-1'] }));
    expect(result).toMatchObject({ tier: 'transparency', outcomeId: 'LIMITED_RISK_TRANSPARENCY', transparency: ['Art. 50(1)'], annexIIIPoints: [], gpai: 'none' });
    expect(obligationIds(result, 'provider')).toEqual(['ai-literacy', 'disclose-ai-interaction']);
    expect(obligationIds(result, 'deployer')).toEqual(['ai-literacy']);
  });

  it('a bank that only deploys a bought-in chatbot sees Art. 50(1) but carries no provider duty for it', () => {
    const { result } = answerThrough(inScope(['deployer'], { ...NOT_HIGH_RISK, Q_TRANSPARENCY: ['50-1'] }));
    expect(result).toMatchObject({ tier: 'transparency', transparency: ['Art. 50(1)'] });
    expect(rolesWithObligations(result)).toEqual(['deployer']);
  });

  it('a face-swap video generator used for marketing marks its output (50(2)) and its deep fakes are disclosed (50(4))', () => {
    const { result } = answerThrough(inScope(['provider', 'deployer'], { ...NOT_HIGH_RISK, Q_TRANSPARENCY: ['50-2', '50-4-deepfake'] }));
    expect(result).toMatchObject({ tier: 'transparency', transparency: ['Art. 50(2)', 'Art. 50(4)'] });
    expect(obligationIds(result, 'provider')).toContain('mark-synthetic-content');
    expect(obligationIds(result, 'deployer')).toContain('disclose-deep-fake');
  });

  it('a news site publishing unreviewed AI-written articles must disclose them (Art. 50(4), second subparagraph)', () => {
    const { result } = answerThrough(inScope(['deployer'], { ...NOT_HIGH_RISK, Q_TRANSPARENCY: ['50-4-text'] }));
    expect(result).toMatchObject({ tier: 'transparency', transparency: ['Art. 50(4)'] });
    expect(obligationIds(result, 'deployer')).toEqual(['ai-literacy', 'disclose-public-interest-text']);
  });

  it('an e-mail spam filter is minimal risk with only the AI-literacy duty', () => {
    const { result } = answerThrough(inScope(['provider', 'deployer'], { ...NOT_HIGH_RISK, Q_TRANSPARENCY: ['none'] }));
    expect(result).toMatchObject({ tier: 'minimal', outcomeId: 'MINIMAL_RISK', transparency: [], fria: false, gpai: 'none' });
    expect(result.obligations.map((o) => `${o.role}:${o.id}`)).toEqual(['provider:ai-literacy', 'deployer:ai-literacy']);
  });

  it('card-payment fraud detection is not credit scoring (5(b) excludes fraud detection): minimal risk', () => {
    // The user can only answer this right if the 5(b) option says so.
    const creditOption = CLASSIFIER_QUESTIONS.find((q) => q.id === 'Q_ANNEX_III')?.options.find((o) => o.value === 'annex3-5b');
    expect(creditOption?.label).toMatch(/fraud are excluded/);
    const { result } = answerThrough(inScope(['provider', 'deployer'], { ...NOT_HIGH_RISK, Q_TRANSPARENCY: ['none'] }));
    expect(result).toMatchObject({ tier: 'minimal', annexIIIPoints: [] });
  });

  it('a deployer that repurposes a system without making it high-risk does not become a provider', () => {
    const { result } = answerThrough({ ...inScope(['deployer'], { ...NOT_HIGH_RISK, Q_TRANSPARENCY: ['none'] }), Q_ROLE_FLIP: ['repurpose'] });
    expect(result.tier).toBe('minimal');
    expect(rolesWithObligations(result)).toEqual(['deployer']);
  });
});

describe('out of scope', () => {
  it('a rule-based eligibility calculator whose rules people wrote is not an AI system', () => {
    const { result, asked } = answerThrough({ Q_SUBJECT: 'ai-system', Q_AI_SYSTEM: 'no' });
    expect(asked).toEqual(['Q_SUBJECT', 'Q_AI_SYSTEM']);
    expect(result).toMatchObject({ complete: true, tier: 'out-of-scope', outcomeId: 'OUT_OF_SCOPE_NOT_AI', obligations: [], citations: ['Art. 3(1)'] });
  });

  it('target recognition built only for the armed forces is excluded (Art. 2(3))', () => {
    const { result } = answerThrough({ Q_SUBJECT: 'ai-system', Q_AI_SYSTEM: 'yes', Q_TERRITORIAL: ['provider-eu-market'], Q_EXCLUSIONS: ['military'] });
    expect(result).toMatchObject({ tier: 'out-of-scope', outcomeId: 'OUT_OF_SCOPE', obligations: [] });
    expect(result.citations).toContain('Art. 2(3)');
  });

  it('a system with no link to the EU is out of scope (Art. 2(1))', () => {
    const { result } = answerThrough({ Q_SUBJECT: 'ai-system', Q_AI_SYSTEM: 'yes', Q_TERRITORIAL: ['none'] });
    expect(result).toMatchObject({ tier: 'out-of-scope', outcomeId: 'OUT_OF_SCOPE' });
  });

  it('an open-source plant-species classifier with no Art. 50 trigger is excluded (Art. 2(12))', () => {
    const { result } = answerThrough({ ...inScope(['provider'], { ...NOT_HIGH_RISK, Q_TRANSPARENCY: ['none'] }), Q_EXCLUSIONS: ['foss'] });
    expect(result).toMatchObject({ tier: 'out-of-scope', outcomeId: 'OUT_OF_SCOPE_FOSS', obligations: [] });
  });

  it('an open-source chatbot loses the exclusion because Art. 50(1) applies', () => {
    const { result } = answerThrough({ ...inScope(['provider'], { ...NOT_HIGH_RISK, Q_TRANSPARENCY: ['50-1'] }), Q_EXCLUSIONS: ['foss'] });
    expect(result).toMatchObject({ tier: 'transparency', transparency: ['Art. 50(1)'] });
  });
});

describe('general-purpose AI models (Chapter V)', () => {
  const model = (answers: Script): Script => ({ Q_SUBJECT: 'gpai-model', Q_GPAI_MODEL: 'yes', ...answers });

  it('a general-purpose language model offered through an API has the Art. 53 and 54 duties', () => {
    const { result } = answerThrough(model({ Q_GPAI_SYSTEMIC: 'neither', Q_GPAI_OPEN: 'no', Q_GPAI_LEGACY: 'no' }));
    expect(result).toMatchObject({ complete: true, tier: 'out-of-scope', outcomeId: 'GPAI', gpai: 'gpai', annexIIIPoints: [] });
    expect(rolesWithObligations(result)).toEqual(['gpai-provider']);
    expect(obligationIds(result, 'gpai-provider')).toEqual(
      ['copyright-policy', 'downstream-information', 'model-authorised-representative', 'model-technical-documentation', 'training-content-summary'].sort(),
    );
  });

  it('a model trained with more than 10^25 FLOP has systemic risk, with the Art. 55 duties and the two-week notification', () => {
    const { result } = answerThrough(model({ Q_GPAI_SYSTEMIC: 'over-1e25', Q_GPAI_OPEN: 'no', Q_GPAI_LEGACY: 'no' }));
    expect(result).toMatchObject({ outcomeId: 'GPAI_SYSTEMIC', gpai: 'gpai-systemic' });
    expect(obligationIds(result, 'gpai-provider')).toEqual(
      expect.arrayContaining(['model-evaluation', 'systemic-risk-mitigation', 'model-incident-reporting', 'model-cybersecurity', 'threshold-notification', 'model-technical-documentation']),
    );
    expect(result.citations).toEqual(expect.arrayContaining(['Art. 51(2)', 'Art. 55(1)(a)']));
  });

  it('an open-weights model without systemic risk, on the market since 2024, keeps only copyright, the training summary and the 2027 deadline', () => {
    const { result } = answerThrough(model({ Q_GPAI_SYSTEMIC: 'neither', Q_GPAI_OPEN: 'yes', Q_GPAI_LEGACY: 'yes' }));
    expect(result.gpai).toBe('gpai');
    expect(obligationIds(result, 'gpai-provider')).toEqual(['copyright-policy', 'legacy-model-deadline', 'training-content-summary']);
    expect(result.citations).toEqual(expect.arrayContaining(['Art. 53(2)', 'Art. 111(3)']));
  });

  it('an open-weights model with systemic risk gets no open-source relief', () => {
    const { result } = answerThrough(model({ Q_GPAI_SYSTEMIC: 'designated', Q_GPAI_OPEN: 'yes', Q_GPAI_LEGACY: 'no' }));
    expect(obligationIds(result, 'gpai-provider')).toEqual(expect.arrayContaining(['model-technical-documentation', 'downstream-information', 'model-evaluation']));
  });

  it('a narrow image-segmentation model is not general-purpose: nothing applies to the model alone', () => {
    const { result } = answerThrough({ Q_SUBJECT: 'gpai-model', Q_GPAI_MODEL: 'no' });
    expect(result).toMatchObject({ tier: 'out-of-scope', outcomeId: 'NOT_GPAI_MODEL', gpai: 'none', obligations: [] });
  });

  it('a model maker that also runs a chatbot on its model gets both the system tier and the model duties', () => {
    const { result, asked } = answerThrough({
      ...inScope(['provider', 'deployer'], { ...NOT_HIGH_RISK, Q_TRANSPARENCY: ['50-1', '50-2'] }),
      Q_SUBJECT: 'both',
      Q_GPAI_GATE: 'yes',
      Q_GPAI_MODEL: 'yes',
      Q_GPAI_SYSTEMIC: 'neither',
      Q_GPAI_OPEN: 'no',
      Q_GPAI_LEGACY: 'no',
    });
    expect(asked).toContain('Q_GPAI_GATE');
    expect(result).toMatchObject({ tier: 'transparency', outcomeId: 'LIMITED_RISK_TRANSPARENCY', transparency: ['Art. 50(1)', 'Art. 50(2)'], gpai: 'gpai' });
    expect(rolesWithObligations(result)).toEqual(['deployer', 'gpai-provider', 'provider']);
  });

  it('an AI system alone is never asked the model questions', () => {
    const { asked } = answerThrough(inScope(['provider'], { ...NOT_HIGH_RISK, Q_TRANSPARENCY: ['none'] }));
    expect(asked.some((id) => id.startsWith('Q_GPAI'))).toBe(false);
  });
});
