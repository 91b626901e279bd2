/** One part of `npm run bench`, runnable alone by its name (`npm run bench -- <name>`). */
import type { BenchSession } from './bench-session';

export interface BenchPart {
  /** The name on the command line. */
  readonly name: string;
  /** One line: what it measures. */
  readonly summary: string;
  /** Measures and prints its tables; may save its results with `session.save`. */
  run(session: BenchSession): Promise<void>;
}
