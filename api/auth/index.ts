/** Authentication (bearer JWT -> Actor) and the contract's authorization rules. */
export { ActorSchema, ROLES } from './actor';
export type { Actor, Role } from './actor';
export { TokenRejectedError, TokenVerifierConfigError } from './auth-errors';
export { createTokenVerifier } from './token-verifier';
export type { TokenVerifier, TokenVerifierOptions } from './token-verifier';
export { mintToken } from './mint-token';
export type { MintTokenOptions } from './mint-token';
export { actorOf, authenticate, optionalActorOf } from './authenticate';
export { requireRole } from './require-role';
export {
  canActOnStep,
  canReadDepartmentTasks,
  canSeeCase,
  canSuperviseCase,
  isRegionWithin,
  regionScopeOf,
} from './access-rules';
export type { CaseFacts, RegionScope, RegionWithin } from './access-rules';
