/**
 * A small YAML emitter for model-card front matter. Every string is written double-quoted with
 * JSON escapes, which YAML 1.2 reads the same way, so no user text can open a tag, an anchor or
 * a new key. Only plain data goes in: strings, finite numbers, booleans, null, lists and maps.
 */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // JSON.stringify leaves U+2028/U+2029 raw; escape them so a line break never ends the scalar.
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function key(name: string): string {
  return PLAIN_KEY.test(name) ? name : scalar(name);
}

function isEmpty(value: YamlValue): boolean {
  return Array.isArray(value) ? value.length === 0 : typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

function lines(value: YamlValue, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (typeof item !== 'object' || item === null || isEmpty(item)) return [`${indent}- ${isEmpty(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item as string)}`];
      const inner = lines(item, `${indent}  `);
      return [`${indent}- ${inner[0]!.trimStart()}`, ...inner.slice(1)];
    });
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([name, item]) => {
      if (typeof item !== 'object' || item === null) return [`${indent}${key(name)}: ${scalar(item)}`];
      if (isEmpty(item)) return [`${indent}${key(name)}: ${Array.isArray(item) ? '[]' : '{}'}`];
      return [`${indent}${key(name)}:`, ...lines(item, `${indent}  `)];
    });
  }
  return [`${indent}${scalar(value)}`];
}

/** A YAML document body (no `---` markers) for a map. */
export function toYaml(value: { [key: string]: YamlValue }): string {
  return `${lines(value, '').join('\n')}\n`;
}
