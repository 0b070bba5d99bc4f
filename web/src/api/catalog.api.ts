import type { z } from 'zod';
import type { CatalogSchema, CatalogSummarySchema, CoverageSchema, CrosswalkSchema, CrosswalkSummarySchema } from '../../../src/contracts/catalog.contracts.js';
import { apiRequest } from './client.js';

export type CatalogSummary = z.infer<typeof CatalogSummarySchema>;
export type Catalog = z.infer<typeof CatalogSchema>;
export type CrosswalkSummary = z.infer<typeof CrosswalkSummarySchema>;
export type Crosswalk = z.infer<typeof CrosswalkSchema>;
export type Coverage = z.infer<typeof CoverageSchema>;
export type CoverageItem = Coverage['items'][number];

/** The ISO/IEC 42001 catalog's id: the SoA's controls and clauses come from it. */
export const ISO_42001_CATALOG = 'iso-iec-42001:2023';

export async function listCatalogs(): Promise<CatalogSummary[]> {
  return apiRequest('/catalogs');
}

export async function getCatalog(id: string): Promise<Catalog> {
  return apiRequest(`/catalogs/${encodeURIComponent(id)}`);
}

export async function listCrosswalks(): Promise<CrosswalkSummary[]> {
  return apiRequest('/crosswalks');
}

export async function getCrosswalk(id: string): Promise<Crosswalk> {
  return apiRequest(`/crosswalks/${encodeURIComponent(id)}`);
}

/** What the organization's SoA covers of the crosswalk's target, item by item (computed on the server). */
export async function getCoverage(id: string): Promise<Coverage> {
  return apiRequest(`/crosswalks/${encodeURIComponent(id)}/coverage`);
}

/** Catalogs and crosswalks are reference data shipped with the server: they do not change while it runs. */
export const REFERENCE_STALE_TIME = Infinity;
