import type { EvidenceOutput } from '../../../../src/contracts/evidence.contracts.js';
import type { Tone } from '../../components/status-badge.js';
import { localDay } from '../../lib/format.js';

const SOON_DAYS = 30;

/**
 * A display hint from the validity dates, computed on the client only to colour a badge;
 * it decides nothing (evidence status rules belong to the server).
 */
export function validityOf(item: Pick<EvidenceOutput, 'validFrom' | 'validUntil'>, today: string): { tone: Tone; label: string } {
  if (item.validFrom && item.validFrom > today) return { tone: 'info', label: 'Not yet valid' };
  if (!item.validUntil) return { tone: 'neutral', label: 'No end date' };
  if (item.validUntil < today) return { tone: 'danger', label: 'Expired' };
  const soon = new Date(`${today}T00:00:00`);
  soon.setDate(soon.getDate() + SOON_DAYS);
  if (item.validUntil <= localDay(soon)) return { tone: 'warn', label: 'Expires soon' };
  return { tone: 'ok', label: 'Valid' };
}
