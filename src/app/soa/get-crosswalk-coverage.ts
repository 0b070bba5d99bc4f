import { ISO42001, getCatalog } from '../../domain/catalog/index.js';
import { computeCoverage, type CoverageReport } from '../../domain/soa/crosswalk-coverage.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { getCrosswalkById } from '../catalog/read-catalogs.js';
import { getSoa } from './get-soa.js';

/** How far the organization's SoA, as implemented today, covers another framework through a crosswalk. */
export async function getCrosswalkCoverage(deps: AppDeps, actor: Actor, crosswalkId: string): Promise<CoverageReport> {
  const crosswalk = getCrosswalkById(actor, crosswalkId);
  const soa = await getSoa(deps, actor);
  return computeCoverage(crosswalk, getCatalog(crosswalk.to), ISO42001, soa.controls);
}
