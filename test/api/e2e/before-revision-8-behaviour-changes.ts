/**
 * The table of engine behaviour changes as it was before engine revision 8 (answersCarryRequestDigest), for a
 * worker whose new cases start on revision 7: such a case answers as cases started before the revision do, and as
 * a worker older than the API does (without the request's digest), so the API's behaviour for both can be tested
 * over HTTP. It stands in for the module the engine imports as `./engine-behaviour-changes`, and reads the real one
 * by its full path, which the replacement leaves alone.
 */
import { ENGINE_BEHAVIOUR_CHANGES as REAL } from '../../../workflows/engine/case/engine-behaviour-changes';

const { answersCarryRequestDigest: _revision8, ...before } = REAL;

export const ENGINE_BEHAVIOUR_CHANGES = before;
