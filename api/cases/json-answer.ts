/**
 * A workflow's answer (an Update's or a Query's result) as the JSON bytes the worker encoded it in. The worker's
 * payload converter writes `JSON.stringify(value)` in UTF-8, which is exactly the body Express's `res.json`
 * writes for the decoded value (parsing and stringifying JSON again gives the same text), so the API sends these
 * bytes on as they came, with the same ETag, instead of decoding them and encoding them again for every answer.
 * A route that must look into the answer (whether the actor may see the case) decodes it once, on demand.
 */
import {
  defaultPayloadConverter,
  encodingTypes,
  METADATA_ENCODING_KEY,
  type RawValue,
} from '@temporalio/common';

const JSON_ENCODING = Buffer.from(encodingTypes.METADATA_ENCODING_JSON);

/** The JSON text of a value of type `T`, as bytes, with the value decoded only when asked for. */
export class JsonAnswer<T> {
  #value: { readonly decoded: T } | undefined;

  private constructor(
    /** The UTF-8 JSON text, what `res.json(value)` would send. */
    readonly bytes: Buffer,
    value?: { readonly decoded: T },
  ) {
    this.#value = value;
  }

  /** The answer of a value the API holds itself (a view built from the ledger), encoded as `res.json` would. */
  static ofValue<T>(value: T): JsonAnswer<T> {
    return new JsonAnswer(Buffer.from(JSON.stringify(value)), { decoded: value });
  }

  /**
   * The answer in a workflow's result payload, asked for with `rawValueTypeInfo`. `T` is the result type of the
   * Update or Query, as the client's own typing takes it on trust. A payload not in JSON (none the case worker
   * writes) is decoded by the default converter and encoded as `res.json` would.
   */
  static ofResult<T>(result: RawValue): JsonAnswer<T> {
    const { metadata, data } = result.payload;
    const encoding = metadata?.[METADATA_ENCODING_KEY];
    if (data && encoding && JSON_ENCODING.equals(encoding)) {
      return new JsonAnswer(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    }
    return JsonAnswer.ofValue(defaultPayloadConverter.fromPayload<T>(result.payload));
  }

  /** The decoded value (decoded once, then remembered). */
  value(): T {
    this.#value ??= { decoded: JSON.parse(this.bytes.toString('utf8')) as T };
    return this.#value.decoded;
  }
}
