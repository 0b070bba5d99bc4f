import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { assertMayIngest, ingestPredictions } from '../../app/monitoring/ingest-predictions.js';
import { ingestLabels } from '../../app/monitoring/ingest-labels.js';
import { predictionSummary } from '../../app/monitoring/prediction-summary.js';
import { formatOf } from '../../app/monitoring/stream-rows.js';
import { IdSchema } from '../../contracts/common.contracts.js';
import { IngestQuerySchema, PredictionBatchSchema, PredictionSummarySchema } from '../../contracts/monitoring.contracts.js';
import { SECURED, createRouter, errorResponses, jsonResponse } from '../openapi-router.js';

const tags = ['monitoring'];
const IdParams = z.object({ id: IdSchema });
// Documented only: the handler reads the body as a stream, never as one string.
const rowsBody = {
  body: {
    required: true,
    content: {
      'text/csv': { schema: z.string().meta({ description: 'Header line, then one row per line (see docs/monitoring.md)' }) },
      'application/x-ndjson': { schema: z.string().meta({ description: 'One JSON object per line (see docs/monitoring.md)' }) },
    },
  },
};

/** Post-market monitoring: prediction-log and label ingestion (issue 6). */
export function monitoringRoutes() {
  const router = createRouter();

  for (const path of ['/systems/:id/predictions', '/systems/:id/labels']) {
    router.use(path, async (c, next) => {
      if (c.req.method === 'POST') assertMayIngest(c.var.actor);
      return next();
    });
  }

  router.openapi(
    createRoute({
      method: 'post', path: '/systems/{id}/predictions', tags, summary: 'Ingest a batch of prediction logs (CSV or JSON lines, streamed; all rows or none; 200 with the first result when the batch id was already sent)', security: SECURED,
      request: { params: IdParams, query: IngestQuerySchema, ...rowsBody },
      responses: { 201: jsonResponse(PredictionBatchSchema, 'Stored'), 200: jsonResponse(PredictionBatchSchema, 'This batch id was stored before'), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const format = formatOf(c.req.header('content-type'));
      const result = await ingestPredictions(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('query'), { format, body: c.req.raw.body });
      return c.json(result.batch, result.created ? 201 : 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post', path: '/systems/{id}/labels', tags, summary: 'Join labels to logged predictions by prediction id (CSV prediction_id,label or JSON lines; all rows or none; idempotent per batch id)', security: SECURED,
      request: { params: IdParams, query: IngestQuerySchema, ...rowsBody },
      responses: { 201: jsonResponse(PredictionBatchSchema, 'Joined'), 200: jsonResponse(PredictionBatchSchema, 'This batch id was stored before'), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const format = formatOf(c.req.header('content-type'));
      const result = await ingestLabels(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('query'), { format, body: c.req.raw.body });
      return c.json(result.batch, result.created ? 201 : 200);
    },
  );

  router.openapi(
    createRoute({ method: 'get', path: '/systems/{id}/predictions/summary', tags, summary: 'Rows logged, labelled share and time range of a system\'s predictions', security: SECURED, request: { params: IdParams }, responses: { 200: jsonResponse(PredictionSummarySchema, 'The summary'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => c.json(await predictionSummary(c.var.deps, c.var.actor, c.req.valid('param').id), 200),
  );
  return router;
}
