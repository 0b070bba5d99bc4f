import { describe, expect, it } from 'vitest';
import { checkStageMove } from './lifecycle.js';

describe('AI system lifecycle', () => {
  it('moves forward one stage at a time', () => {
    expect(checkStageMove({ from: 'planning', to: 'design' })).toBeNull();
    expect(checkStageMove({ from: 'validation', to: 'deployed', reason: ' signed off ' })).toBe('signed off');
    expect(checkStageMove({ from: 'deployed', to: 'retired' })).toBeNull();
  });

  it('refuses a jump, naming stage and the stage that comes next', () => {
    expect(() => checkStageMove({ from: 'planning', to: 'deployed' })).toThrow(/stage: cannot jump from planning to deployed: the next stage is design \(design, development, validation would be skipped\)/);
    try {
      checkStageMove({ from: 'design', to: 'validation' });
    } catch (error) {
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'stage' }] } });
    }
  });

  it('moves back, and out of retired, only with a reason', () => {
    expect(() => checkStageMove({ from: 'deployed', to: 'development' })).toThrow(/reason: is required to move back/);
    expect(() => checkStageMove({ from: 'retired', to: 'deployed', reason: '  ' })).toThrow(/reason/);
    expect(checkStageMove({ from: 'retired', to: 'deployed', reason: 'replacement failed' })).toBe('replacement failed');
  });

  it('retires an undeployed system only with a reason, and refuses a move to the same stage', () => {
    expect(() => checkStageMove({ from: 'design', to: 'retired' })).toThrow(/reason: is required to retire/);
    expect(checkStageMove({ from: 'design', to: 'retired', reason: 'project stopped' })).toBe('project stopped');
    expect(() => checkStageMove({ from: 'design', to: 'design' })).toThrow(/already in design/);
  });
});
