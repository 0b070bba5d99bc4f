import { useQueryClient } from '@tanstack/react-query';
import { Breakable } from '../../components/breakable.js';
import { useId, useState } from 'react';
import type { ImpactAssessmentOutput } from '../../../../src/contracts/impact.contracts.js';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { IMPACT_KEYS, decideAssessment } from '../../api/impact.api.js';
import { RISK_KEYS } from '../../api/risk.api.js';

/**
 * An approver approves the submitted assessment or returns it with a note. The server refuses its
 * author or submitter (segregation of duties) and says so; the message is shown as it comes.
 */
export function AssessmentDecision({ assessment, onDecided }: { assessment: ImpactAssessmentOutput; onDecided: (a: ImpactAssessmentOutput, message: string) => void }) {
  const queryClient = useQueryClient();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'approve' | 'request_changes' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);
  // The note's field errors come from the server (DecideAssessmentInputSchema: at most 2000 characters).

  const decide = async (decision: 'approve' | 'request_changes') => {
    setBusy(decision);
    setError(null);
    setNoteError(null);
    try {
      const decided = await decideAssessment(assessment.id, { decision, ...(note.trim() ? { note } : {}) });
      await queryClient.invalidateQueries({ queryKey: IMPACT_KEYS.all });
      await queryClient.invalidateQueries({ queryKey: RISK_KEYS.reviews });
      await queryClient.invalidateQueries({ queryKey: ['trail'] });
      onDecided(decided, decision === 'approve' ? `Version ${decided.version} approved. Risks of ${decided.systemName} can now be assessed.` : `Version ${decided.version} returned for changes.`);
    } catch (caught) {
      const field = caught instanceof ApiError ? caught.fields.find((f) => f.field === 'note') : undefined;
      setNoteError(field ? `Note ${field.reason}` : null);
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel panel--action" aria-labelledby="decision-title">
      <h2 id="decision-title" className="panel__title">
        Decision
      </h2>
      <p className="muted">Submitted by <Breakable text={assessment.submittedBy ?? ''} />. Someone who neither wrote nor submitted it must decide.</p>
      {error ? (
        <div className="form-alert" role="alert">
          {error}
        </div>
      ) : null}
      <div className={`field${noteError ? ' field--invalid' : ''}`}>
        <label htmlFor={noteId} className="field__label">
          Note<span className="field__optional"> (optional)</span>
        </label>
        <p id={`${noteId}-hint`} className="field__hint">Say what needs to change when you return it.</p>
        <textarea id={noteId} className="input" rows={3} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={noteError ? true : undefined} aria-describedby={noteError ? `${noteId}-hint ${noteId}-error` : `${noteId}-hint`} />
        {noteError ? (
          <p id={`${noteId}-error`} className="field__error">
            <span aria-hidden="true">⚠ </span>
            {noteError}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy !== null} onClick={() => void decide('approve')}>
          {busy === 'approve' ? 'Approving…' : 'Approve'}
        </button>
        <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void decide('request_changes')}>
          {busy === 'request_changes' ? 'Returning…' : 'Request changes'}
        </button>
      </div>
    </section>
  );
}
