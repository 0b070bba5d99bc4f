import type { QueryClient } from '@tanstack/react-query';
import { INVENTORY_KEYS } from '../../api/inventory.api.js';

/** After any inventory write: the inventory pages, the system choices other areas list, and the trail. */
export async function invalidateInventory(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: INVENTORY_KEYS.all }),
    queryClient.invalidateQueries({ queryKey: ['systems'] }),
    queryClient.invalidateQueries({ queryKey: ['trail'] }),
  ]);
}
