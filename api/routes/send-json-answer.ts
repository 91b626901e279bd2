/**
 * Sends a JSON answer's bytes as `res.json` sends its value: the same status, `Content-Type: application/json;
 * charset=utf-8`, `Content-Length` and ETag (computed by Express over the same bytes), so that `If-None-Match`
 * and every client see no difference.
 */
import type { Response } from 'express';
import type { JsonAnswer } from '../cases/json-answer';

export function sendJsonAnswer(res: Response, status: number, answer: JsonAnswer<unknown>): void {
  res.status(status).set('Content-Type', 'application/json; charset=utf-8').send(answer.bytes);
}
