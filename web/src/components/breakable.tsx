/**
 * Text that may wrap after "@" and before "." "_" "/" (browsers already wrap after "-"), so a long
 * email or file name in a narrow column wraps at its joints ("rita@ / northwind.example") instead
 * of in the middle of a word; a short file extension stays with its name ("model-card.md"). The
 * break points are zero-width spaces drawn by CSS: not in the text, its accessible name, or a copy.
 */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=@)|(?=[._/])/);
  const last = parts.at(-1) ?? '';
  if (parts.length > 1 && /^\.\w{1,5}$/.test(last)) parts.splice(-2, 2, `${parts.at(-2) ?? ''}${last}`);
  return (
    <span className="breakable">
      {parts.map((part, i) => (
        <span key={i}>{part}</span>
      ))}
    </span>
  );
}
