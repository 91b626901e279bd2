/** Keyset cursors: the sort values of a page's last row, as JSON, so the next page starts right after it. */

/** The cursor after `values`. */
export function encodeCursor(values: readonly (string | number)[]): Buffer {
  return Buffer.from(JSON.stringify(values));
}

/** The values of a cursor, when it has the expected shape (`kinds`); undefined otherwise. */
export function decodeCursor(
  payload: Buffer,
  kinds: readonly ('string' | 'number')[],
): (string | number)[] | undefined {
  let values: unknown;
  try {
    values = JSON.parse(payload.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(values) || values.length !== kinds.length) return undefined;
  return values.every((value, i) => typeof value === kinds[i]) ? (values as (string | number)[]) : undefined;
}
