/**
 * What the routes' schemas let through but the code behind them cannot take: a body nested so deep that walking it
 * exhausts the stack, and U+0000 in text, which PostgreSQL refuses in a text column (a note with it would never
 * reach the ledger). Found in one walk, without recursion.
 */

export const NUL_MESSAGE = 'must not contain the character U+0000 (NUL)';

/**
 * The first unsafe part of `value`: nested `maxDepth` levels below it, or a name or text with U+0000 (by the names on
 * its path, which the caller writes as its own format does: `data.note`, `attribute[note]`).
 */
export function unsafeJsonPart(
  value: unknown,
  maxDepth: number,
):
  | { readonly problem: 'too-deep' }
  | { readonly problem: 'nul'; readonly path: readonly string[] }
  | undefined {
  const pending: [unknown, readonly string[]][] = [[value, []]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return { problem: 'nul', path };
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (path.length >= maxDepth) return { problem: 'too-deep' };
    for (const [name, child] of Object.entries(item)) {
      if (name.includes('\u0000')) return { problem: 'nul', path: [...path, name] };
      pending.push([child, [...path, name]]);
    }
  }
  return undefined;
}
