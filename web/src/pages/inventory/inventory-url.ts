import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../../src/domain/inventory/inventory-terms.js';
import { TIERS, type Tier } from './inventory-labels.js';

/** "Not screened": systems with no EU AI Act screening yet. */
export const NOT_SCREENED = 'not-screened';

/** The inventory list's filters, kept in the URL so a filtered view can be linked to. */
export interface InventoryView {
  stage?: LifecycleStage;
  wave?: number;
  tier?: Tier | typeof NOT_SCREENED;
  ownerUserId?: string;
}

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined => (value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined);

export function readInventoryView(search: URLSearchParams): InventoryView {
  const view: InventoryView = {};
  const stage = pick(LIFECYCLE_STAGES, search.get('stage'));
  if (stage) view.stage = stage;
  const wave = Number(search.get('wave'));
  if (Number.isInteger(wave) && wave >= 1 && wave <= 9) view.wave = wave;
  const tier = pick([...TIERS, NOT_SCREENED], search.get('tier'));
  if (tier) view.tier = tier;
  const owner = search.get('owner');
  if (owner) view.ownerUserId = owner;
  return view;
}

export function inventoryViewPath(view: InventoryView): string {
  const params = new URLSearchParams();
  if (view.tier) params.set('tier', view.tier);
  if (view.stage) params.set('stage', view.stage);
  if (view.ownerUserId) params.set('owner', view.ownerUserId);
  if (view.wave) params.set('wave', String(view.wave));
  const qs = params.toString();
  return `/systems${qs ? `?${qs}` : ''}`;
}

export function hasFilter(view: InventoryView): boolean {
  return Boolean(view.stage || view.wave || view.tier || view.ownerUserId);
}
