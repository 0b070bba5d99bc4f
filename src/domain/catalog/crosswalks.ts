// Crosswalks from ISO/IEC 42001:2023 to the other frameworks, bundled from catalog/crosswalks/.
import to27001Json from '../../../catalog/crosswalks/iso42001-2023_iso27001-2022.json' with { type: 'json' };
import toEuAiActJson from '../../../catalog/crosswalks/iso42001-2023_eu-ai-act-2024.json' with { type: 'json' };
import toNistAiRmfJson from '../../../catalog/crosswalks/iso42001-2023_nist-ai-rmf-1.0.json' with { type: 'json' };
import { type Crosswalk, type FrameworkId } from './catalog.types.js';

export const CROSSWALKS: readonly Crosswalk[] = [
  to27001Json as Crosswalk,
  toEuAiActJson as Crosswalk,
  toNistAiRmfJson as Crosswalk,
];

export function getCrosswalk(id: string): Crosswalk | undefined {
  return CROSSWALKS.find((crosswalk) => crosswalk.id === id);
}

export function crosswalkTo(target: FrameworkId): Crosswalk | undefined {
  return CROSSWALKS.find((crosswalk) => crosswalk.to === target);
}
