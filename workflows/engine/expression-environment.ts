/** The one CEL environment every flow expression is parsed and evaluated in, with a bounded parse cache. */
import { Environment } from '@marcbachmann/cel-js';
import type { ParseResult } from '@marcbachmann/cel-js';

/** Top-level names an expression may use; `result` only inside `rework`. */
export const EXPRESSION_ROOTS = ['case', 'steps', 'result'] as const;

export const celEnvironment = new Environment({
  enableOptionalTypes: true,
  homogeneousAggregateLiterals: false,
})
  .registerVariable('case', 'map')
  .registerVariable('steps', 'map')
  .registerVariable('result', 'map');

const CACHE_LIMIT = 1000;
const cache = new Map<string, ParseResult>();

/** Parses through the cache; throws the library's ParseError when the source does not parse. */
export function parseCached(source: string): ParseResult {
  const hit = cache.get(source);
  if (hit) return hit;
  const parsed = celEnvironment.parse(source);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, parsed);
  return parsed;
}
