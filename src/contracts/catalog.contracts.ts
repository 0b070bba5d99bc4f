import { z } from 'zod';
import { CONTROL_STATUSES } from '../domain/soa/soa-document.js';

const RELATIONS = ['equal', 'subset', 'superset', 'intersects'] as const;
const CONFIDENCES = ['high', 'medium', 'low'] as const;
const SourceSchema = z.object({ id: z.string(), name: z.string(), url: z.string().optional() });

const CatalogHeader = {
  id: z.string().meta({ example: 'iso-iec-42001:2023' }),
  name: z.string(),
  edition: z.string(),
  publisher: z.string(),
  licenceNote: z.string(),
  sources: z.array(SourceSchema),
};

export const CatalogSummarySchema = z.object({ ...CatalogHeader, itemCount: z.number().int() }).meta({ id: 'CatalogSummary' });
export const CatalogSchema = z
  .object({
    ...CatalogHeader,
    items: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), kind: z.string(), parentId: z.string().nullable(), sources: z.array(z.string()) })),
  })
  .meta({ id: 'Catalog' });

const CrosswalkHeader = { id: z.string(), from: z.string(), to: z.string(), version: z.string(), description: z.string(), sources: z.array(SourceSchema) };
export const CrosswalkSummarySchema = z.object({ ...CrosswalkHeader, mappingCount: z.number().int() }).meta({ id: 'CrosswalkSummary' });
export const CrosswalkSchema = z
  .object({
    ...CrosswalkHeader,
    mappings: z.array(
      z.object({
        fromId: z.string(),
        toId: z.string(),
        relation: z.enum(RELATIONS).meta({ description: 'Set relation of the 42001 item to the target item' }),
        confidence: z.enum(CONFIDENCES),
        source: z.string().meta({ description: 'Id of one of the crosswalk sources' }),
        note: z.string().optional(),
      }),
    ),
    targetNotes: z.array(z.object({ toId: z.string(), coverage: z.enum(['full', 'partial', 'weak', 'none']), gaps: z.array(z.string()) })),
  })
  .meta({ id: 'Crosswalk' });

export const CoverageSchema = z
  .object({
    crosswalkId: z.string(),
    target: z.object({ id: z.string(), name: z.string(), edition: z.string() }),
    summary: z.object({ covered: z.number().int(), partial: z.number().int(), gap: z.number().int(), unmapped: z.number().int() }),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        state: z.enum(['covered', 'partial', 'gap', 'unmapped']),
        ratio: z.number().nullable().meta({ description: 'Implemented mapped Annex A controls over mapped controls' }),
        crosswalkCoverage: z.enum(['full', 'partial', 'weak', 'none']).nullable(),
        mappedBy: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            kind: z.enum(['control', 'clause']),
            relation: z.enum(RELATIONS),
            confidence: z.enum(CONFIDENCES),
            source: z.string(),
            status: z.enum(CONTROL_STATUSES).nullable(),
            note: z.string().nullable(),
          }),
        ),
        gaps: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'Coverage' });
