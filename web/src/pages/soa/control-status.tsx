import type { ControlStatus } from '../../../../src/domain/soa/soa-document.js';
import { ReasonList, ReasonedStatus } from '../../components/reasoned-status.js';
import { STATUS_LABEL, STATUS_TONE } from './soa-labels.js';

/** A control's status as the server derived it; the reasons show on hover and open on click. */
export function ControlStatusBadge({ status, reasons, controlId }: { status: ControlStatus; reasons: readonly string[]; controlId?: string }) {
  return <ReasonedStatus tone={STATUS_TONE[status]} label={STATUS_LABEL[status]} reasons={reasons} subject={controlId} />;
}

/** The reasons as a plain list, for the control page where there is room. */
export function StatusReasons({ reasons }: { reasons: readonly string[] }) {
  return <ReasonList reasons={reasons} open />;
}
