import { useQuery } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { INVENTORY_KEYS, getSupplier, listAllSystems } from '../../api/inventory.api.js';
import { DateTime } from '../../components/date-time.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { SUPPLIER_KIND_LABEL, systemPath } from './inventory-labels.js';
import { EditableRecord } from './editable-record.js';
import { SupplierComponents } from './supplier-components.js';
import { SupplierForm } from './supplier-form.js';
import './inventory.css';

/** One supplier: kind, contract, components and the systems that use them; editable with system:write. */
export function SupplierDetailPage({ id }: { id: string }) {
  const { me, can } = useSession();
  const supplier = useQuery({ queryKey: INVENTORY_KEYS.supplier(id), queryFn: () => getSupplier(id) });
  const systems = useQuery({ queryKey: INVENTORY_KEYS.systems({}), queryFn: () => listAllSystems() });
  const s = supplier.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/suppliers">
          <span aria-hidden="true">← </span>Suppliers
        </Link>
      </p>
      <PageHeader title={s ? `Supplier: ${s.name}` : 'Supplier'} organization={me.organization.name} />
      {supplier.isPending ? <p role="status">Loading…</p> : null}
      {supplier.isError ? (
        <Notice tone="danger" title={supplier.error instanceof ApiError && supplier.error.status === 404 ? 'No such supplier' : 'Could not load this supplier'}>
          {errorMessage(supplier.error)}
        </Notice>
      ) : null}
      {s ? (
        <EditableRecord headingId="supplier-title" title="What it supplies" canEdit={can('system:write')} form={(done) => <SupplierForm supplier={s} {...done} />}>
          <dl className="details inventory-details">
            <dt>Kind</dt>
            <dd>{SUPPLIER_KIND_LABEL[s.kind]}</dd>
            <dt>Contract reference</dt>
            <dd>{s.contractReference ?? <span className="muted">None recorded</span>}</dd>
            <dt>Components</dt>
            <dd>
              <SupplierComponents supplier={s} />
            </dd>
            <dt>Used by</dt>
            <dd>
              {s.systemIds.length === 0 ? (
                <span className="muted">No system named</span>
              ) : (
                <ul className="inventory-plain-list">
                  {s.systemIds.map((sid) => (
                    <li key={sid}>
                      <Link to={systemPath(sid, 'suppliers')}>{systems.data?.find((x) => x.id === sid)?.name ?? sid}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>Recorded</dt>
            <dd>
              <DateTime iso={s.createdAt} /> by {s.createdBy}
            </dd>
          </dl>
        </EditableRecord>
      ) : null}
    </>
  );
}
