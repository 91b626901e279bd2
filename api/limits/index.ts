/** Limits on what a caller may send: request rate and body size and type. */
export { createRateLimiter, rateLimitOf } from './rate-limiter';
export type { RateLimiterOptions } from './rate-limiter';
export {
  createJsonBodyParser,
  createYamlBodyParser,
  JSON_MEDIA_TYPES,
  requireMediaType,
  YAML_MEDIA_TYPES,
} from './body-parsers';
