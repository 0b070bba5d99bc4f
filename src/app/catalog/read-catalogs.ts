import { CATALOGS, CROSSWALKS, getCrosswalk, type Crosswalk, type FrameworkCatalog } from '../../domain/catalog/index.js';
import { AppError } from '../../domain/shared/app-error.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor } from '../shared/context.js';

export type CatalogSummary = Omit<FrameworkCatalog, 'items'> & { itemCount: number };
export type CrosswalkSummary = Omit<Crosswalk, 'mappings' | 'targetNotes'> & { mappingCount: number };

/** The framework catalogs shipped with OpenAIMS (reference data, the same for every organization). */
export function listCatalogs(actor: Actor): CatalogSummary[] {
  requirePermission(actor, 'organization:read');
  return CATALOGS.map(({ items, ...rest }) => ({ ...rest, itemCount: items.length }));
}

export function getCatalogById(actor: Actor, id: string): FrameworkCatalog {
  requirePermission(actor, 'organization:read');
  const catalog = CATALOGS.find((c) => c.id === id);
  if (!catalog) throw AppError.notFound('catalog', id);
  return catalog;
}

export function listCrosswalks(actor: Actor): CrosswalkSummary[] {
  requirePermission(actor, 'organization:read');
  return CROSSWALKS.map(({ mappings, targetNotes: _notes, ...rest }) => ({ ...rest, mappingCount: mappings.length }));
}

export function getCrosswalkById(actor: Actor, id: string): Crosswalk {
  requirePermission(actor, 'organization:read');
  const crosswalk = getCrosswalk(id);
  if (!crosswalk) throw AppError.notFound('crosswalk', id);
  return crosswalk;
}
