import { formatDateTime } from '../lib/format.js';

/**
 * An instant as "28 Nov 2026, 00:06" that may wrap between the date and the time, but never
 * inside either, so a table column can be narrow without breaking a date apart.
 */
export function DateTime({ iso }: { iso: string }) {
  const text = formatDateTime(iso);
  const at = text.lastIndexOf(', ');
  return (
    <time dateTime={iso}>
      {at < 0 ? (
        <span className="nowrap">{text}</span>
      ) : (
        <>
          <span className="nowrap">{text.slice(0, at + 1)}</span> <span className="nowrap">{text.slice(at + 2)}</span>
        </>
      )}
    </time>
  );
}
