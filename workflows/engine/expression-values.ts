/**
 * Conversions between JSON-like values and CEL values. CEL keeps int (bigint here) and double apart and has no
 * int + double overload, so integer-valued JS numbers become CEL ints: `case.data.count + 1 > 3` then works.
 * Non-integer numbers stay doubles; mixed comparisons (`count > 3.5`) work either way.
 */

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** JSON-like value to CEL input: safe integers to bigint, recursively; `undefined` properties dropped. */
export function toCelValue(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCelValue);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = toCelValue(item);
    }
    return out;
  }
  return value;
}

/** CEL result to a JSON-friendly value: bigints and unsigned ints to numbers, maps to objects, recursively. */
export function fromCelValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(fromCelValue);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) out[String(key)] = fromCelValue(item);
    return out;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = fromCelValue(item);
    return out;
  }
  if (value !== null && typeof value === 'object' && value.constructor?.name === 'UnsignedInt') {
    return Number((value as { valueOf(): bigint }).valueOf());
  }
  return value;
}

/** A short CEL-ish type name for error messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'string') return 'string';
  if (value instanceof Date) return 'timestamp';
  if (typeof value === 'object') return 'map';
  return typeof value;
}
