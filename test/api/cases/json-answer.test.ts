import { defaultPayloadConverter, RawValue } from '@temporalio/common';
import express from 'express';
import request from 'supertest';
import { JsonAnswer } from '../../../api/cases/json-answer';
import { sendJsonAnswer } from '../../../api/routes/send-json-answer';
import { fakeView } from '../routes/fake-api';

/** What a workflow answers, as the worker's payload converter encodes it, the way the gateway asks for it. */
const asWorkflowAnswer = <T>(value: T) =>
  JsonAnswer.ofResult<T>(RawValue.fromPayload(defaultPayloadConverter.toPayload(value)));

/**
 * A value whose JSON tests the round trip: integer-like keys (ordered first), dropped and non-finite values,
 * escapes and non-ASCII text, an own `__proto__` key.
 */
const awkward = {
  b: 1,
  10: 'ten',
  2: 'two',
  gone: undefined,
  text: '北京路 1 号 “引号” \\ \n \u2028 lone \ud800 surrogate 😀',
  numbers: [-0, 1e21, 0.1 + 0.2, NaN, Infinity, 5e-324],
  list: [undefined, null, () => 1],
  nested: { z: { '': true }, own: JSON.parse('{"__proto__":{"x":1}}') as unknown },
};

/** Serves a value with `res.json` at `/json` and as a workflow's answer at `/answer`, with the same status. */
function appServing(value: unknown, status: number) {
  const app = express();
  app.get('/json', (_req, res) => {
    res.status(status).json(value);
  });
  app.get('/answer', (_req, res) => {
    sendJsonAnswer(res, status, asWorkflowAnswer(value));
  });
  return app;
}

describe('a workflow answer sent on as its JSON bytes', () => {
  it.each([
    ['a case view', fakeView(), 200],
    ['a created case view', fakeView(), 201],
    ['awkward JSON', awkward, 200],
  ])('answers %s exactly as res.json does: status, headers, ETag and body', async (_name, value, status) => {
    const app = appServing(value, status);
    const viaJson = await request(app).get('/json');
    const viaAnswer = await request(app).get('/answer');
    expect(viaAnswer.status).toBe(status);
    expect(viaAnswer.status).toBe(viaJson.status);
    const { date: _a, ...jsonHeaders } = viaJson.headers;
    const { date: _b, ...answerHeaders } = viaAnswer.headers;
    expect(answerHeaders).toEqual(jsonHeaders);
    expect(answerHeaders['content-type']).toBe('application/json; charset=utf-8');
    expect(answerHeaders.etag).toMatch(/^W\/"/);
    expect(Buffer.compare(Buffer.from(viaAnswer.text), Buffer.from(viaJson.text))).toBe(0);
  });

  it('answers 304 to a matching If-None-Match, as res.json does', async () => {
    const app = appServing(fakeView(), 200);
    const { etag } = (await request(app).get('/json')).headers;
    const again = await request(app).get('/answer').set('If-None-Match', String(etag));
    expect(again.status).toBe(304);
  });

  it('decodes the answer for a route that looks into it', () => {
    const answer = asWorkflowAnswer(fakeView());
    expect(answer.value()).toEqual(fakeView());
    expect(answer.value()).toBe(answer.value());
  });

  it('encodes a value the API holds itself as res.json would', () => {
    const answer = JsonAnswer.ofValue(awkward);
    expect(answer.bytes.toString('utf8')).toBe(JSON.stringify(awkward));
    expect(answer.value()).toBe(awkward);
  });

  describe("an action's answer in its request digest's envelope (engine revision 8)", () => {
    it.each([
      ['a case view', fakeView()],
      ['awkward JSON', awkward],
    ])('takes out the digest and the bytes res.json writes for the answer: %s', (_name, value) => {
      const { requestDigest, answer } = asWorkflowAnswer({
        requestDigest: 'rNLfuIT_6LWtli5EC4gScQ',
        answer: value,
      }).unwrapped();
      expect(requestDigest).toBe('rNLfuIT_6LWtli5EC4gScQ');
      expect(answer.bytes.toString('utf8')).toBe(JSON.stringify(value));
    });

    it.each([
      ['a case view', fakeView()],
      ['a value whose first key is the digest, with no answer after it', { requestDigest: 'abc', other: 1 }],
      ['a digest that would need escaping', { requestDigest: 'a"b', answer: 1 }],
    ])('takes an answer without the envelope as it is: %s', (_name, value) => {
      const sent = asWorkflowAnswer<unknown>(value);
      const { requestDigest, answer } = sent.unwrapped();
      expect(requestDigest).toBeUndefined();
      expect(answer.bytes).toBe(sent.bytes);
    });
  });
});
