/** Every part of `npm run bench`, in the order a full run takes them. Add a part here to make it runnable. */
import type { BenchPart } from './bench-part';
import { enginePart } from './parts/engine-part';
import { ledgerPart } from './parts/ledger-part';
import { memoryPart } from './parts/memory-part';
import { profilePart } from './parts/profile-part';
import { restartPart } from './parts/restart-part';
import { restartReplayPart } from './parts/restart-replay-part';
import { throughputPart } from './parts/throughput-part';
import { workingTimePart } from './parts/working-time-part';

export const BENCH_PARTS: readonly BenchPart[] = [
  workingTimePart,
  enginePart,
  throughputPart,
  restartPart,
  restartReplayPart,
  profilePart,
  memoryPart,
  ledgerPart,
];
