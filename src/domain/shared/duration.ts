import { AppError } from './app-error.js';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** Parses a short duration such as `90d`, `12h`, `2w` or `30m` into milliseconds. */
export function parseDuration(field: string, text: string): number {
  const match = /^(\d{1,6})([mhdw])$/.exec(text.trim());
  if (!match) throw AppError.invalidField(field, `"${text}" is not a duration like 30m, 12h, 90d or 2w`);
  const amount = Number(match[1]);
  if (amount <= 0) throw AppError.invalidField(field, 'must be greater than zero');
  return amount * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
