/**
 * History ⇄ proto JSON, as `historyToJSON`/`historyFromJSON` of @temporalio/common do. Those two fail here
 * ("type must be a Type"): npm installs two copies of protobufjs 8 (under @temporalio/common and under
 * @temporalio/proto), and common's protojson rejects the reflected types of proto's copy. This uses the protojson
 * of the copy the types come from; the JSON is the same format.
 */
import path from 'node:path';
import type { temporal } from '@temporalio/proto';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

type History = temporal.api.history.v1.IHistory;

interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const protojson = require(
  require.resolve('protobufjs/ext/protojson', {
    paths: [path.dirname(require.resolve('@temporalio/proto'))],
  }),
) as ProtoJson;
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType(
  'temporal.api.history.v1.History',
);

/** The history as pretty-printed proto JSON (the format of Temporal's history files). */
export function historyToJsonText(history: History): string {
  const message = proto.temporal.api.history.v1.History.fromObject(history);
  return JSON.stringify(protojson.toJson(historyType, message), null, 2);
}

/** A history read back from `historyToJsonText` (or a Temporal CLI/UI export in the same format). */
export function historyFromJsonText(text: string): History {
  const loaded = protojson.fromJson(historyType, JSON.parse(text), { ignoreUnknownFields: true });
  if (loaded === null || typeof loaded !== 'object') throw new TypeError('invalid history JSON');
  return loaded as History;
}
