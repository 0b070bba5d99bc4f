import type { SupplierOutput } from '../../../src/contracts/inventory.contracts.js';
import { apiRequest } from './client.js';

/** The organization's suppliers and third-party model providers, by name (needs `system:read`). */
export async function listSuppliers(): Promise<SupplierOutput[]> {
  const body = await apiRequest<{ items: SupplierOutput[] }>('/suppliers');
  return body.items;
}
