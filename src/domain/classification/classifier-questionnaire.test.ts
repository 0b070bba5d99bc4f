// The questionnaire's contract: nextQuestion, validateAnswers, incomplete answers, and the
// data other areas use (disclaimer, Art. 73 deadlines, sources).
import { describe, expect, it } from 'vitest';
import {
  AI_ACT_APPLICATION_DATES,
  CLASSIFICATION_DISCLAIMER,
  CLASSIFIER_QUESTIONS,
  CLASSIFIER_RULES_VERSION,
  CLASSIFIER_SOURCES,
  classifyAiSystem,
  nextQuestion,
  SERIOUS_INCIDENT_DEADLINES,
  validateAnswers,
} from './eu-ai-act-classifier.js';
import { answerThrough, inScope } from './answer-through.test-support.js';

const SPAM_FILTER = inScope(['provider'], { Q_ANNEX_I_PRODUCT: 'no', Q_ANNEX_III: ['none'], Q_TRANSPARENCY: ['none'] });

describe('nextQuestion', () => {
  it('starts with the subject question and ends with null', () => {
    expect(nextQuestion({})?.id).toBe('Q_SUBJECT');
    expect(nextQuestion(answerThrough(SPAM_FILTER).answers)).toBeNull();
  });

  it('returns the question as shown to users, without routing internals', () => {
    const q = nextQuestion({ Q_SUBJECT: 'ai-system', Q_AI_SYSTEM: 'yes' });
    expect(q?.id).toBe('Q_TERRITORIAL');
    expect(Object.keys(q ?? {}).sort()).toEqual(['cite', 'id', 'options', 'section', 'text', 'type']);
    expect(Object.keys(q?.options[0] ?? {}).sort()).toEqual(['label', 'value']);
  });

  it('asks again a question whose answer is malformed', () => {
    expect(nextQuestion({ Q_SUBJECT: 'ai-system', Q_AI_SYSTEM: 'maybe' })?.id).toBe('Q_AI_SYSTEM');
  });
});

describe('classifyAiSystem with incomplete answers', () => {
  it('with no answers: not complete, Q_SUBJECT missing, minimal as the fall-through tier', () => {
    expect(classifyAiSystem({})).toMatchObject({ complete: false, missing: ['Q_SUBJECT'], tier: 'minimal', path: [] });
  });

  it('keeps the tier the answers already support, and names the next question', () => {
    const partial = inScope(['provider'], { Q_ANNEX_I_PRODUCT: 'yes', Q_ANNEX_I_SECTION: 'section-a', Q_ANNEX_I_THIRD_PARTY: 'yes' });
    const result = classifyAiSystem(partial);
    expect(result).toMatchObject({ complete: false, missing: ['Q_ANNEX_III'], tier: 'high-risk', annexI: true });
    expect(result.path.at(-1)).toBe('Q_ANNEX_I_THIRD_PARTY');
  });

  it('screening a model: until the model question is answered the outcome is UNKNOWN', () => {
    expect(classifyAiSystem({ Q_SUBJECT: 'gpai-model' })).toMatchObject({ complete: false, missing: ['Q_GPAI_MODEL'], tier: 'out-of-scope', outcomeId: 'UNKNOWN', gpai: 'none' });
  });

  it('a prohibited practice is known as soon as it is answered', () => {
    expect(classifyAiSystem({ ...inScope(['deployer']), Q_PROHIBITED: ['5-1-f'] })).toMatchObject({ complete: true, tier: 'prohibited' });
  });

  it('carries the rules version on every result', () => {
    expect(classifyAiSystem({}).rulesVersion).toBe(CLASSIFIER_RULES_VERSION);
    expect(CLASSIFIER_RULES_VERSION).toMatch(/2024-1689/);
  });
});

describe('validateAnswers', () => {
  it('accepts a complete, walked set of answers', () => {
    expect(validateAnswers(answerThrough(SPAM_FILTER).answers)).toEqual([]);
  });

  it('names an unknown question', () => {
    expect(validateAnswers({ Q_SUBJECT: 'ai-system', Q_COLOUR: 'blue' })).toEqual([{ questionId: 'Q_COLOUR', reason: 'is not a question of the classifier' }]);
  });

  it('names an unknown option value', () => {
    expect(validateAnswers({ Q_SUBJECT: 'robot' })).toEqual([{ questionId: 'Q_SUBJECT', reason: 'unknown option "robot"' }]);
    expect(validateAnswers({ ...SPAM_FILTER, Q_ANNEX_III: ['annex3-9z'] })).toEqual([{ questionId: 'Q_ANNEX_III', reason: 'unknown option "annex3-9z"' }]);
  });

  it('refuses a string for a multi question and a list for a single one', () => {
    expect(validateAnswers({ ...SPAM_FILTER, Q_ROLE: 'provider' })).toEqual([{ questionId: 'Q_ROLE', reason: 'a multiple-choice question takes a list of option values' }]);
    expect(validateAnswers({ ...SPAM_FILTER, Q_SUBJECT: ['ai-system'] })).toEqual([
      { questionId: 'Q_SUBJECT', reason: 'a single-choice question takes one option value, not a list' },
    ]);
  });

  it('refuses an empty selection, a repeated option, and "none" combined with another option', () => {
    expect(validateAnswers({ ...SPAM_FILTER, Q_TRANSPARENCY: [] })[0]?.reason).toMatch(/at least one/);
    expect(validateAnswers({ ...SPAM_FILTER, Q_ROLE: ['provider', 'provider'] })[0]?.reason).toMatch(/twice/);
    expect(validateAnswers({ ...SPAM_FILTER, Q_PROHIBITED: ['none', '5-1-c'] })).toEqual([
      { questionId: 'Q_PROHIBITED', reason: '"none" cannot be combined with other options' },
    ]);
  });

  it('names answers to questions the path does not take', () => {
    const issues = validateAnswers({ ...SPAM_FILTER, Q_PROFILING: 'no', Q_GPAI_MODEL: 'yes' });
    expect(issues.map((i) => i.questionId).sort()).toEqual(['Q_GPAI_MODEL', 'Q_PROFILING']);
    expect(issues[0]?.reason).toMatch(/not on the path/);
  });

  it('names answers left behind when an earlier answer ends the path', () => {
    const issues = validateAnswers({ ...SPAM_FILTER, Q_AI_SYSTEM: 'no' });
    expect(issues.map((i) => i.questionId)).toEqual(expect.arrayContaining(['Q_TERRITORIAL', 'Q_ROLE', 'Q_TRANSPARENCY']));
    expect(issues.map((i) => i.questionId)).not.toContain('Q_SUBJECT');
  });

  it('while a question is open, does not refuse answers that may still lie ahead', () => {
    const { Q_ROLE: _skipped, ...withGap } = SPAM_FILTER;
    expect(nextQuestion(withGap)?.id).toBe('Q_ROLE');
    expect(validateAnswers(withGap)).toEqual([]);
    // ...but an answer to a question that cannot come after the open one is refused.
    const modelTrack = { Q_SUBJECT: 'gpai-model', Q_GPAI_MODEL: 'yes', Q_GPAI_OPEN: 'no', Q_ANNEX_III: ['none'] };
    expect(nextQuestion(modelTrack)?.id).toBe('Q_GPAI_SYSTEMIC');
    expect(validateAnswers(modelTrack).map((i) => i.questionId)).toEqual(['Q_ANNEX_III']);
  });
});

describe('shared data', () => {
  it('states plainly that this is screening, not legal advice', () => {
    expect(CLASSIFICATION_DISCLAIMER).toMatch(/screening/i);
    expect(CLASSIFICATION_DISCLAIMER).toMatch(/not legal advice/);
    expect(CLASSIFICATION_DISCLAIMER).toMatch(/Official Journal/);
    expect(CLASSIFICATION_DISCLAIMER).toMatch(/lawyer|legal review/);
  });

  it('gives the Art. 73 deadlines: 15 days by default, 10 for a death, 2 for widespread or critical-infrastructure incidents', () => {
    const byCase = Object.fromEntries(SERIOUS_INCIDENT_DEADLINES.clocks.map((c) => [c.case, [c.days, c.cite]]));
    expect(byCase).toEqual({
      default: [15, 'Art. 73(2)'],
      death: [10, 'Art. 73(4)'],
      'widespread-or-critical-infrastructure': [2, 'Art. 73(3)'],
    });
  });

  it('cites the Regulation by CELEX and ELI', () => {
    expect(CLASSIFIER_SOURCES[0]).toMatchObject({ celex: '32024R1689', eli: 'http://data.europa.eu/eli/reg/2024/1689/oj' });
  });

  it('marks the Digital Omnibus dates for verification', () => {
    const omnibus = AI_ACT_APPLICATION_DATES.filter((d) => d.cite.includes('Omnibus'));
    expect(omnibus.map((d) => d.date)).toEqual(['2026-12-02', '2027-12-02', '2028-08-02']);
    expect(omnibus.every((d) => d.verify === true)).toBe(true);
  });

  it('lists every question once, starting with the subject', () => {
    expect(CLASSIFIER_QUESTIONS[0]?.id).toBe('Q_SUBJECT');
    expect(new Set(CLASSIFIER_QUESTIONS.map((q) => q.id)).size).toBe(CLASSIFIER_QUESTIONS.length);
  });
});
