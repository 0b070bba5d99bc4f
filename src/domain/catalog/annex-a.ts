// ISO/IEC 42001:2023 Annex A: the 38 reference controls the Statement of Applicability covers (6.1.3).
import { type AnnexAControl } from './catalog.types.js';
import { ISO42001 } from './catalogs.js';

const itemsById = new Map(ISO42001.items.map((item) => [item.id, item]));

export const ANNEX_A_CONTROLS: readonly AnnexAControl[] = ISO42001.items
  .filter((item) => item.kind === 'control')
  .map((control) => {
    const objective = control.parentId === null ? undefined : itemsById.get(control.parentId);
    if (!objective || objective.kind !== 'objective') throw new Error(`Annex A control ${control.id} has no objective`);
    return {
      id: control.id,
      title: control.title,
      description: control.description,
      objectiveId: objective.id,
      objectiveTitle: objective.title,
    };
  });

export const ANNEX_A_CONTROL_IDS: readonly string[] = ANNEX_A_CONTROLS.map((control) => control.id);

const controlsById = new Map(ANNEX_A_CONTROLS.map((control) => [control.id, control]));

export function findAnnexAControl(id: string): AnnexAControl | undefined {
  return controlsById.get(id);
}
