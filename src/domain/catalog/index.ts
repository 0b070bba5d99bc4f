// Framework catalogs (ISO/IEC 42001, ISO/IEC 27001, EU AI Act, NIST AI RMF) and crosswalks. See catalog/README.md.
export type {
  FrameworkId,
  CatalogItemKind,
  CatalogSource,
  CatalogItem,
  FrameworkCatalog,
  AnnexAControl,
  CrosswalkRelation,
  Confidence,
  CrosswalkMapping,
  CrosswalkTargetNote,
  Crosswalk,
} from './catalog.types.js';
export { CATALOGS, getCatalog, ISO42001 } from './catalogs.js';
export { ANNEX_A_CONTROLS, ANNEX_A_CONTROL_IDS, findAnnexAControl } from './annex-a.js';
export { CROSSWALKS, getCrosswalk, crosswalkTo } from './crosswalks.js';
