// The query string's grammar, shared by the map context and every page's own params: a value that does
// not parse is named (so the page can say why it was ignored), empty values are left out, and the
// parameters are written in one fixed order, so one view has one URL.

/** A parameter present in the URL but not understood. */
export interface RejectedParam {
  name: string;
  value: string;
}

export interface QueryReader {
  /** The value as written; `null` when the URL does not name it. */
  raw(name: string): string | null;
  /** The value parsed; `null` when absent or empty, or when it does not parse (then it is rejected). */
  read<T>(name: string, parse: (value: string) => T | null): T | null;
  /** A comma-separated list; unknown items are dropped (and rejected), order follows `values`. */
  list<T extends string>(name: string, values: readonly T[]): T[];
  readonly rejected: RejectedParam[];
}

export function queryReader(search: string): QueryReader {
  const params = new URLSearchParams(search);
  const rejected: RejectedParam[] = [];
  return {
    rejected,
    raw: (name) => params.get(name),
    read(name, parse) {
      const value = params.get(name);
      if (value === null || value === '') return null;
      const parsed = parse(value);
      if (parsed === null) rejected.push({ name, value });
      return parsed;
    },
    list(name, values) {
      const items = (params.get(name) ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      for (const value of items) if (!(values as readonly string[]).includes(value)) rejected.push({ name, value });
      return values.filter((candidate) => items.includes(candidate));
    },
  };
}

/** Parameters to write, by name; `null` or empty leaves one out. */
export type QueryValues = Record<string, string | null>;

/**
 * The query string (with `?`, or empty) of the values, later ones winning, in `order` (a name ending in
 * `.` stands for every name it starts).
 */
export function writeQuery(values: readonly QueryValues[], order: readonly string[]): string {
  const merged = new Map<string, string>();
  for (const part of values) for (const [name, value] of Object.entries(part)) if (value) merged.set(name, value);
  const rank = (name: string) => order.findIndex((entry) => entry === name || (entry.endsWith('.') && name.startsWith(entry)));
  const params = new URLSearchParams([...merged].sort(([a], [b]) => rank(a) - rank(b)));
  // Commas, slashes and colons need no escaping in a query string and are easier to read unescaped.
  const query = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':');
  return query ? `?${query}` : '';
}
