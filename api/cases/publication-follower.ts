/**
 * Keeps what new cases start on at what the ledger has published, whichever API instance published it: the
 * calendars' revisions (docs/calendar-revisions.md) and the flow versions (docs/flow-language.md). Each kind reads
 * a small marker first (revision numbers, a count) and the content only when it is newer than what is loaded.
 */
import type { Logger } from 'pino';

/** Brings what is loaded up to the ledger; run before the routes that start, migrate or list from it. */
export interface PublicationFollower {
  /**
   * Catches up with every publication in the ledger. When the ledger cannot be read it logs a warning and keeps
   * what is loaded (a case starts, on what this instance last saw): it never fails.
   */
  catchUp(): Promise<void>;
}

/**
 * The follower of one kind of publication: `catchUp` reads the ledger and loads what is newer (it may throw when
 * the ledger cannot be read); `what` names the publications in the warning.
 */
export function publicationFollower(
  what: string,
  logger: Logger,
  catchUp: () => Promise<void>,
): PublicationFollower {
  return {
    async catchUp() {
      try {
        await catchUp();
      } catch (error) {
        logger.warn(
          { err: error },
          `Could not read the latest ${what} from the ledger; new cases start on those loaded`,
        );
      }
    },
  };
}

/** One follower of several kinds of publication, each caught up at once. */
export function followAll(...followers: readonly PublicationFollower[]): PublicationFollower {
  return {
    async catchUp() {
      await Promise.all(followers.map((follower) => follower.catchUp()));
    },
  };
}
