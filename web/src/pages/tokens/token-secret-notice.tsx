import { useEffect, useId, useRef } from 'react';
import type { CreatedApiTokenOutput } from '../../../../src/contracts/identity.contracts.js';
import { CopyButton } from '../../components/copy-button.js';

/** Shows a new token's secret, the only time it is ever shown, until the admin dismisses it. */
export function TokenSecretNotice({ token, onDismiss }: { token: CreatedApiTokenOutput; onDismiss: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputId = useId();
  useEffect(() => headingRef.current?.focus(), [token.id]);
  return (
    <section className="secret-notice" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} ref={headingRef} tabIndex={-1} className="secret-notice__title">
        Copy the secret of “{token.name}” now
      </h2>
      <p className="secret-notice__warning">
        <strong>This is the only time it is shown.</strong> OpenAIMS keeps only a hash of it. If you lose it, revoke this token and create a new one.
        Store it in your CI system&rsquo;s secret store, never in a repository.
      </p>
      <label htmlFor={inputId} className="field__label">
        Token secret
      </label>
      <div className="secret-notice__row">
        <input id={inputId} className="input input--mono" readOnly value={token.token} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={token.token} label="Copy secret" />
      </div>
      <p className="muted">
        Use it as <code>Authorization: Bearer {token.prefix}…</code>
      </p>
      <button type="button" className="button button--secondary" onClick={onDismiss}>
        I have stored the secret
      </button>
    </section>
  );
}
