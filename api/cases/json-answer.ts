/**
 * A workflow's answer (an Update's or a Query's result) as the JSON bytes the worker encoded it in. The worker's
 * payload converter writes `JSON.stringify(value)` in UTF-8, which is exactly the body Express's `res.json`
 * writes for the decoded value (parsing and stringifying JSON again gives the same text), so the API sends these
 * bytes on as they came, with the same ETag, instead of decoding them and encoding them again for every answer.
 * A route that must look into the answer (whether the actor may see the case) decodes it once, on demand. An
 * action's answer in its request digest's envelope (workflows/messages.ts, DigestedAnswer) is read the same way:
 * the digest from the envelope's fixed opening, the answer's bytes sliced out of it.
 */
import {
  defaultPayloadConverter,
  encodingTypes,
  METADATA_ENCODING_KEY,
  type RawValue,
} from '@temporalio/common';
import type { DigestedAnswer } from '../../workflows/messages';

const JSON_ENCODING = Buffer.from(encodingTypes.METADATA_ENCODING_JSON);
/** How a DigestedAnswer's JSON opens, up to its digest, and what follows the digest, up to the answer. */
const DIGEST_OPENING = Buffer.from('{"requestDigest":"');
const ANSWER_OPENING = Buffer.from('","answer":');
/** A digest as the API writes them (base64url), so that it needs no escaping in JSON. */
const DIGEST = /^[A-Za-z0-9_-]{1,64}$/;
const CLOSING_BRACE = 0x7d;

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

  /**
   * An action's answer out of its envelope (`{"requestDigest":"…","answer":…}`, engine revision 8) with the digest;
   * an answer without one (a case of an earlier revision, an older worker) as it is, with no digest.
   */
  unwrapped<A>(this: JsonAnswer<A | DigestedAnswer<A>>): {
    readonly requestDigest: string | undefined;
    readonly answer: JsonAnswer<A>;
  } {
    const { bytes } = this;
    const digestEnd = bytes.subarray(0, DIGEST_OPENING.length).equals(DIGEST_OPENING)
      ? bytes.indexOf(ANSWER_OPENING, DIGEST_OPENING.length)
      : -1;
    const requestDigest = digestEnd < 0 ? '' : bytes.toString('latin1', DIGEST_OPENING.length, digestEnd);
    if (!DIGEST.test(requestDigest) || bytes.at(-1) !== CLOSING_BRACE) {
      return { requestDigest: undefined, answer: new JsonAnswer<A>(bytes) };
    }
    const answer = bytes.subarray(digestEnd + ANSWER_OPENING.length, bytes.length - 1);
    return { requestDigest, answer: new JsonAnswer<A>(answer) };
  }

  /** The decoded value (decoded once, then remembered). */
  value(): T {
    this.#value ??= { decoded: JSON.parse(this.bytes.toString('utf8')) as T };
    return this.#value.decoded;
  }
}
