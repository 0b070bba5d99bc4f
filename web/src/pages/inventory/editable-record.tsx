import { useState, type ReactNode } from 'react';
import { Notice } from '../../components/notice.js';

interface EditableRecordProps {
  /** The section's heading id. */
  headingId: string;
  title: string;
  canEdit: boolean;
  /** The form, given what to call once it has saved and on cancel. */
  form: (done: { onSaved: () => void; onCancel: () => void }) => ReactNode;
  /** The record as read, shown while not editing. */
  children: ReactNode;
}

/** A record's panel with an Edit button (for system:write): the form replaces the details until saved or cancelled. */
export function EditableRecord({ headingId, title, canEdit, form, children }: EditableRecordProps) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="inventory-panel-head">
        <h2 id={headingId} className="panel__title">
          {title}
        </h2>
        {canEdit && !editing ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setEditing(true);
              setSaved(false);
            }}
          >
            Edit
          </button>
        ) : null}
      </div>
      {saved ? <Notice tone="ok">Changes saved.</Notice> : null}
      {editing
        ? form({
            onSaved: () => {
              setEditing(false);
              setSaved(true);
            },
            onCancel: () => setEditing(false),
          })
        : children}
    </section>
  );
}
