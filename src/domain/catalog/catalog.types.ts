// Types of the framework catalogs and crosswalks shipped in catalog/ (the project's own JSON).

export type FrameworkId = 'iso-iec-42001:2023' | 'iso-iec-27001:2022' | 'eu-ai-act:2024' | 'nist-ai-rmf:1.0';

export type CatalogItemKind = 'clause' | 'objective' | 'control' | 'article' | 'annex' | 'function' | 'category' | 'subcategory';

export interface CatalogSource {
  id: string;
  name: string;
  url?: string;
}

export interface CatalogItem {
  id: string;
  title: string;
  /** Our own one-line summary for ISO; quoted or summarized public text for EU law and NIST. */
  description: string;
  kind: CatalogItemKind;
  parentId: string | null;
  /** Ids of the catalog's `sources` that attest this item's id and title. */
  sources: string[];
}

export interface FrameworkCatalog {
  id: FrameworkId;
  name: string;
  edition: string;
  publisher: string;
  licenceNote: string;
  sources: CatalogSource[];
  items: CatalogItem[];
}

/** One ISO/IEC 42001 Annex A control with its objective (A.6.1.x and A.6.2.x belong to A.6.1 and A.6.2). */
export interface AnnexAControl {
  id: string;
  title: string;
  description: string;
  objectiveId: string;
  objectiveTitle: string;
}

/** Set relation of the `from` item to the `to` item: `subset` means from ⊂ to. */
export type CrosswalkRelation = 'equal' | 'subset' | 'superset' | 'intersects';

export type Confidence = 'high' | 'medium' | 'low';

export interface CrosswalkMapping {
  fromId: string;
  toId: string;
  relation: CrosswalkRelation;
  confidence: Confidence;
  /** Id of one of the crosswalk's `sources`. */
  source: string;
  note?: string;
}

/** How far the `from` framework as a whole covers one target item, and what it leaves out. */
export interface CrosswalkTargetNote {
  toId: string;
  coverage: 'full' | 'partial' | 'weak' | 'none';
  gaps: string[];
}

export interface Crosswalk {
  id: string;
  from: FrameworkId;
  to: FrameworkId;
  version: string;
  description: string;
  sources: CatalogSource[];
  mappings: CrosswalkMapping[];
  targetNotes: CrosswalkTargetNote[];
}
