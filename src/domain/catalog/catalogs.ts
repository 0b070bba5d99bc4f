// The framework catalogs, bundled from catalog/ at build time (static JSON imports: the bundle and
// the browser never read files at run time).
import iso42001Json from '../../../catalog/iso-iec-42001/2023.json' with { type: 'json' };
import iso27001Json from '../../../catalog/iso-iec-27001/2022.json' with { type: 'json' };
import euAiActJson from '../../../catalog/eu-ai-act/2024-1689.json' with { type: 'json' };
import nistAiRmfJson from '../../../catalog/nist-ai-rmf/1.0.json' with { type: 'json' };
import { type FrameworkCatalog, type FrameworkId } from './catalog.types.js';

// The JSON's inferred types widen the unions to string; catalog.test.ts checks every value.
export const ISO42001 = iso42001Json as FrameworkCatalog;

export const CATALOGS: readonly FrameworkCatalog[] = [
  ISO42001,
  iso27001Json as FrameworkCatalog,
  euAiActJson as FrameworkCatalog,
  nistAiRmfJson as FrameworkCatalog,
];

export function getCatalog(id: FrameworkId): FrameworkCatalog {
  const catalog = CATALOGS.find((c) => c.id === id);
  if (!catalog) throw new Error(`No catalog ${id}`);
  return catalog;
}
