import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { addDatasetVersion } from '../../app/inventory/add-dataset-version.js';
import { addModelVersion } from '../../app/inventory/add-model-version.js';
import { exportModelCard } from '../../app/inventory/get-model-card.js';
import { getDataset, listInventoryDatasets } from '../../app/inventory/read-datasets.js';
import { getModel, listInventoryModels } from '../../app/inventory/read-models.js';
import { getSupplier, listInventorySuppliers } from '../../app/inventory/read-suppliers.js';
import { changeDataset, registerDataset } from '../../app/inventory/register-dataset.js';
import { changeModel, registerModel } from '../../app/inventory/register-model.js';
import { changeSupplier, registerSupplier } from '../../app/inventory/register-supplier.js';
import { IdSchema } from '../../contracts/common.contracts.js';
import {
  AddDatasetVersionInputSchema,
  AddModelVersionInputSchema,
  ChangeDatasetInputSchema,
  ChangeModelInputSchema,
  ChangeSupplierInputSchema,
  DatasetDetailSchema,
  DatasetSchema,
  DatasetVersionSchema,
  ModelCardQuerySchema,
  ModelCardSchema,
  ModelDetailSchema,
  ModelSchema,
  ModelVersionSchema,
  RegisterDatasetInputSchema,
  RegisterModelInputSchema,
  RegisterSupplierInputSchema,
  ReviewTriggerSchema,
  SupplierSchema,
} from '../../contracts/inventory.contracts.js';
import { SECURED, createRouter, errorResponses, jsonBody, jsonResponse } from '../openapi-router.js';

const IdParams = z.object({ id: IdSchema });
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const DatasetVersionCreatedSchema = DatasetVersionSchema.extend({ reviewTrigger: ReviewTriggerSchema }).meta({ id: 'DatasetVersionCreated' });

/** Models and their versions, datasets and their versions, suppliers. */
export function inventoryAssetRoutes() {
  const router = createRouter();
  const tags = ['inventory'];

  router.openapi(
    createRoute({ method: 'get', path: '/models', tags, summary: 'Models, by name', security: SECURED, responses: { 200: jsonResponse(list(ModelSchema), 'Models'), ...errorResponses(401, 403) } }),
    async (c) => c.json(await listInventoryModels(c.var.deps, c.var.actor), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/models', tags, summary: 'Record a model', security: SECURED, request: jsonBody(RegisterModelInputSchema), responses: { 201: jsonResponse(ModelSchema, 'Recorded'), ...errorResponses(400, 401, 403, 409) } }),
    async (c) => c.json(await registerModel(c.var.deps, c.var.actor, c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/models/{id}', tags, summary: 'A model with its versions and the systems using it', security: SECURED, request: { params: IdParams }, responses: { 200: jsonResponse(ModelDetailSchema, 'The model'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => c.json(await getModel(c.var.deps, c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({ method: 'patch', path: '/models/{id}', tags, summary: 'Change a model', security: SECURED, request: { params: IdParams, ...jsonBody(ChangeModelInputSchema) }, responses: { 200: jsonResponse(ModelSchema, 'Changed'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await changeModel(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/models/{id}/versions', tags, summary: 'Record a trained version of the model', security: SECURED, request: { params: IdParams, ...jsonBody(AddModelVersionInputSchema) }, responses: { 201: jsonResponse(ModelVersionSchema, 'Recorded'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await addModelVersion(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'get', path: '/models/{id}/card', tags, security: SECURED,
      summary: 'The model card, generated from the inventory, with completeness per section; as JSON, Markdown (Hugging Face style front matter) or HTML',
      request: { params: IdParams, query: ModelCardQuerySchema },
      responses: {
        200: { description: 'The card', content: { 'application/json': { schema: ModelCardSchema }, 'text/markdown': { schema: z.string() }, 'text/html': { schema: z.string() } } },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { version, format = 'json' } = c.req.valid('query');
      const card = await exportModelCard(c.var.deps, c.var.actor, c.req.valid('param').id, format, version);
      if (typeof card !== 'string') return c.json(card, 200);
      const type = format === 'html' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8';
      return c.body(card, 200, { 'content-type': type }) as never;
    },
  );

  router.openapi(
    createRoute({ method: 'get', path: '/datasets', tags, summary: 'Datasets, by name', security: SECURED, responses: { 200: jsonResponse(list(DatasetSchema), 'Datasets'), ...errorResponses(401, 403) } }),
    async (c) => c.json(await listInventoryDatasets(c.var.deps, c.var.actor), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/datasets', tags, summary: 'Record a dataset', security: SECURED, request: jsonBody(RegisterDatasetInputSchema), responses: { 201: jsonResponse(DatasetSchema, 'Recorded'), ...errorResponses(400, 401, 403, 409) } }),
    async (c) => c.json(await registerDataset(c.var.deps, c.var.actor, c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/datasets/{id}', tags, summary: 'A dataset with its versions', security: SECURED, request: { params: IdParams }, responses: { 200: jsonResponse(DatasetDetailSchema, 'The dataset'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => c.json(await getDataset(c.var.deps, c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({ method: 'patch', path: '/datasets/{id}', tags, summary: 'Change a dataset', security: SECURED, request: { params: IdParams, ...jsonBody(ChangeDatasetInputSchema) }, responses: { 200: jsonResponse(DatasetSchema, 'Changed'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await changeDataset(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/datasets/{id}/versions', tags, summary: 'Record a version of the dataset with its provenance; raises a "review needed" trigger', security: SECURED, request: { params: IdParams, ...jsonBody(AddDatasetVersionInputSchema) }, responses: { 201: jsonResponse(DatasetVersionCreatedSchema, 'Recorded'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await addDatasetVersion(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({ method: 'get', path: '/suppliers', tags, summary: 'Suppliers, by name', security: SECURED, responses: { 200: jsonResponse(list(SupplierSchema), 'Suppliers'), ...errorResponses(401, 403) } }),
    async (c) => c.json(await listInventorySuppliers(c.var.deps, c.var.actor), 200),
  );
  router.openapi(
    createRoute({ method: 'post', path: '/suppliers', tags, summary: 'Record a supplier and the components it supplies', security: SECURED, request: jsonBody(RegisterSupplierInputSchema), responses: { 201: jsonResponse(SupplierSchema, 'Recorded'), ...errorResponses(400, 401, 403, 409) } }),
    async (c) => c.json(await registerSupplier(c.var.deps, c.var.actor, c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({ method: 'get', path: '/suppliers/{id}', tags, summary: 'One supplier', security: SECURED, request: { params: IdParams }, responses: { 200: jsonResponse(SupplierSchema, 'The supplier'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => c.json(await getSupplier(c.var.deps, c.var.actor, c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({ method: 'patch', path: '/suppliers/{id}', tags, summary: 'Change a supplier', security: SECURED, request: { params: IdParams, ...jsonBody(ChangeSupplierInputSchema) }, responses: { 200: jsonResponse(SupplierSchema, 'Changed'), ...errorResponses(400, 401, 403, 404, 409) } }),
    async (c) => c.json(await changeSupplier(c.var.deps, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return router;
}
