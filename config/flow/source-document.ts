/**
 * Reads flow source text (YAML or JSON) into a plain value and a locator that maps a document path to its
 * line and column, using the yaml package's CST ranges (JSON is parsed by the same parser for locations).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar } from 'yaml';
import type { Document, Node } from 'yaml';
import type { DocumentPath } from './flow-problem';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface SourceDocument {
  readonly value: unknown;
  /** Syntax problems; when any, `value` is not usable. */
  readonly syntaxProblems: readonly { message: string; position?: Position }[];
  /**
   * Position of the node at `path` (or of its nearest ancestor), plus `offset` characters into a string scalar;
   * with `atKey`, of the key of the last part instead of its value (for unknown keys).
   */
  locate(path: DocumentPath, offset?: number, atKey?: boolean): Position | undefined;
}

/** Parses `text`; never throws. */
export function readSourceDocument(text: string, format: 'yaml' | 'json'): SourceDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const syntaxProblems: { message: string; position?: Position }[] = doc.errors.map((error) => ({
    message: error.message.split('\n')[0] ?? error.message,
    position: position(error.pos[0]),
  }));
  if (format === 'json' && syntaxProblems.length === 0) syntaxProblems.push(...jsonProblems(text, position));
  const value: unknown = syntaxProblems.length === 0 ? plainValue(doc, syntaxProblems) : undefined;
  return {
    value,
    syntaxProblems,
    locate: (path, offset, atKey) => {
      const found = nodeAt(doc, path, atKey === true);
      if (!found?.range) return undefined;
      return position(found.range[0] + (offset === undefined ? 0 : offsetInScalar(found, offset)));
    },
  };
}

/** At most this many alias expansions: more is a document built to exhaust memory ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/** The document as a plain value; an alias bomb becomes a syntax problem instead of the parser's ReferenceError. */
function plainValue(doc: Document, syntaxProblems: { message: string; position?: Position }[]): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    syntaxProblems.push({
      message: `too many alias expansions (more than ${MAX_ALIAS_COUNT}): write the values out instead`,
    });
    return undefined;
  }
}

function jsonProblems(text: string, position: (offset: number) => Position) {
  try {
    JSON.parse(text);
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message)?.[1];
    return [
      {
        message: `invalid JSON: ${message}`,
        ...(at === undefined ? {} : { position: position(Number(at)) }),
      },
    ];
  }
}

/** The deepest node on `path`; a map key's node when its value is absent or `atKey` asks for it. */
function nodeAt(doc: Document, path: DocumentPath, atKey: boolean): Node | undefined {
  let current: unknown = doc.contents;
  for (const [index, part] of path.entries()) {
    if (isMap(current)) {
      const pair = current.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(part),
      );
      if (!pair) return current;
      current = (atKey && index === path.length - 1 ? undefined : pair.value) ?? pair.key;
    } else if (isSeq(current) && typeof part === 'number') {
      const item = current.items[part];
      if (item === undefined) return current;
      current = item;
    } else {
      break;
    }
  }
  return current as Node | undefined;
}

/** Offsets inside single-line plain or quoted scalars; block scalars and escapes fall back to the start. */
function offsetInScalar(node: Node, offset: number): number {
  if (!isScalar(node) || typeof node.source !== 'string' || node.source.includes('\n')) return 0;
  if (node.type === Scalar.PLAIN) return offset;
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) return offset + 1;
  return 0;
}
