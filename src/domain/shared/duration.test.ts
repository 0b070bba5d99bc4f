import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.js';

describe('parseDuration', () => {
  it('reads minutes, hours, days and weeks', () => {
    expect(parseDuration('x', '30m')).toBe(1_800_000);
    expect(parseDuration('x', '12h')).toBe(43_200_000);
    expect(parseDuration('x', '90d')).toBe(7_776_000_000);
    expect(parseDuration('x', '2w')).toBe(1_209_600_000);
  });
  it('names the field and the reason when the text is not a duration', () => {
    expect(() => parseDuration('expires-in', '90 days')).toThrow(/expires-in: "90 days" is not a duration/);
    expect(() => parseDuration('expires-in', '0d')).toThrow(/greater than zero/);
  });
});
