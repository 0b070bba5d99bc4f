import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { getEvidence, readEvidenceContent } from '../../app/evidence/get-evidence.js';
import { linkEvidence } from '../../app/evidence/link-evidence.js';
import { listEvidence } from '../../app/evidence/list-evidence.js';
import { assertMayUploadEvidence, uploadEvidence } from '../../app/evidence/upload-evidence.js';
import { IdSchema, pageSchema } from '../../contracts/common.contracts.js';
import {
  EvidenceLinkSchema,
  EvidenceListQuerySchema,
  EvidenceMetadataInputSchema,
  EvidenceSchema,
  LinkEvidenceInputSchema,
} from '../../contracts/evidence.contracts.js';
import { parseWith } from '../../contracts/parse.js';
import { AppError } from '../../domain/shared/app-error.js';
import { intakeRateLimit } from '../rate-limit.middleware.js';
import { SECURED, createRouter, errorResponses, jsonBody, jsonResponse } from '../openapi-router.js';

const IdParams = z.object({ id: IdSchema });
const EvidenceDetailSchema = EvidenceSchema.extend({ links: z.array(EvidenceLinkSchema) }).meta({ id: 'EvidenceDetail' });

// The multipart body: a file part plus the metadata fields, which the route then parses with
// the metadata contract (form fields arrive as strings).
const UploadFormSchema = z.object({
  file: z.custom<File>((value) => value instanceof File, { error: 'is required and must be a file part' }).meta({ type: 'string', format: 'binary', description: 'The evidence file' }),
  title: z.string().meta({ description: 'Short title, up to 200 characters' }),
  kind: z.string().meta({ description: 'document, record, report, log, screenshot, test_result, contract, certificate or other' }),
  description: z.string().optional(),
  validFrom: z.string().optional().meta({ description: 'YYYY-MM-DD' }),
  validUntil: z.string().optional().meta({ description: 'YYYY-MM-DD' }),
  ownerUserId: z.string().optional(),
});

/** Evidence files: content-addressed upload, download, listing and links to any entity. */
export function evidenceRoutes(options: { maxUploadBytes: number }) {
  const router = createRouter();
  const intakeLimit = intakeRateLimit();

  router.openapi(
    createRoute({ method: 'get', path: '/evidence', tags: ['evidence'], summary: 'List evidence, optionally only what is linked to an entity', security: SECURED, request: { query: EvidenceListQuerySchema }, responses: { 200: jsonResponse(pageSchema(EvidenceSchema), 'A page of evidence'), ...errorResponses(400, 401, 403) } }),
    async (c) => c.json(await listEvidence(c.var.deps, c.var.actor, c.req.valid('query')), 200),
  );

  router.use('/evidence', async (c, next) => {
    if (c.req.method === 'POST') assertMayUploadEvidence(c.var.actor);
    return next();
  });
  router.use('/evidence', (c, next) => (c.req.method === 'POST' ? intakeLimit(c, next) : next()));
  const uploadLimit = bodyLimit({
    // Multipart framing and metadata fields ride on top of the file itself.
    maxSize: options.maxUploadBytes + 64 * 1024,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', `file: larger than the upload limit of ${options.maxUploadBytes} bytes`, {
        fields: [{ field: 'file', reason: `larger than ${options.maxUploadBytes} bytes` }],
      });
    },
  });
  router.use('/evidence', (c, next) => (c.req.method === 'POST' ? uploadLimit(c, next) : next()));
  router.openapi(
    createRoute({
      method: 'post', path: '/evidence', tags: ['evidence'], summary: 'Upload an evidence file with its metadata (multipart/form-data)', security: SECURED,
      request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadFormSchema } } } },
      responses: { 201: jsonResponse(EvidenceSchema, 'Stored'), ...errorResponses(400, 401, 403, 413) },
    }),
    async (c) => {
      const { file, ...fields } = c.req.valid('form');
      const metadata = parseWith(EvidenceMetadataInputSchema, fields, 'evidence metadata');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const evidence = await uploadEvidence(c.var.deps, c.var.actor, metadata, { bytes, fileName: file.name, mediaType: file.type });
      return c.json(evidence, 201);
    },
  );

  router.openapi(
    createRoute({ method: 'get', path: '/evidence/{id}', tags: ['evidence'], summary: 'One evidence item with its links', security: SECURED, request: { params: IdParams }, responses: { 200: jsonResponse(EvidenceDetailSchema, 'The item'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => c.json(await getEvidence(c.var.deps, c.var.actor, c.req.valid('param').id), 200),
  );

  router.openapi(
    createRoute({
      method: 'get', path: '/evidence/{id}/content', tags: ['evidence'], summary: 'Download the file', security: SECURED, request: { params: IdParams },
      responses: { 200: { description: 'The file, with its sha256 in the ETag', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { evidence, bytes } = await readEvidenceContent(c.var.deps, c.var.actor, c.req.valid('param').id);
      const headers = {
        'content-type': evidence.mediaType,
        'content-length': String(evidence.sizeBytes),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`,
        etag: `"${evidence.sha256}"`,
        'x-content-type-options': 'nosniff',
      };
      return new Response(new Uint8Array(bytes), { status: 200, headers }) as never;
    },
  );

  router.openapi(
    createRoute({ method: 'post', path: '/evidence/{id}/links', tags: ['evidence'], summary: 'Link the evidence to an entity', security: SECURED, request: { params: IdParams, ...jsonBody(LinkEvidenceInputSchema) }, responses: { 201: jsonResponse(EvidenceLinkSchema, 'Linked'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await linkEvidence(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  return router;
}
