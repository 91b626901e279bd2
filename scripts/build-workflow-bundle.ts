/**
 * The last step of `npm run build`: bundles the compiled case workflows once into the compiled worker's folder,
 * so that `npm run worker` starts (and restarts) without running webpack (docs/benchmarks.md, "Worker memory and restart").
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../config/project-root';
import {
  caseWorkflowBundleOptions,
  PREBUILT_BUNDLE_FILE,
  writeWorkflowBundle,
} from '../worker/case-workflow-bundle';

const dist = path.join(PROJECT_ROOT, 'dist');
writeWorkflowBundle(
  caseWorkflowBundleOptions(path.join(dist, 'workflows', 'index.js')),
  path.join(dist, 'worker', PREBUILT_BUNDLE_FILE),
).then(
  (file) => console.log(`Workflow bundle: ${path.relative(PROJECT_ROOT, file)}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
