const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** Calendar dates (YYYY-MM-DD) are shown as dates, without a time-zone shift. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const date = new Date(`${isoDate}T00:00:00`);
  return Number.isNaN(date.getTime()) ? isoDate : dateOnly.format(date);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A recognisable short form of a UUID: our ids are time-ordered v7, so the tail is what differs. */
export function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}

export function hashPrefix(hash: string, length = 12): string {
  return hash.slice(0, length);
}

/** Words the trail's action names abbreviate, as a reader writes them. */
const ACRONYMS: Record<string, string> = { api: 'API', ai: 'AI', soa: 'SoA', sso: 'SSO', csv: 'CSV', mlbom: 'ML-BOM', oscal: 'OSCAL' };

/** "governance_lead" -> "Governance lead"; "ai_system.registered" -> "AI system registered". */
export function humanize(value: string): string {
  const spaced = value
    .replace(/[._]+/g, ' ')
    .trim()
    .replace(/\b[a-z]+\b/gi, (word) => ACRONYMS[word.toLowerCase()] ?? word);
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A datetime-local input value ("2026-01-31T12:00") as an ISO-8601 instant, or undefined. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** The local calendar day (YYYY-MM-DD) of an instant. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
