/**
 * Once per `npm test` for the browser tests: the shared dev server and workflow bundle (global-setup.ts, started
 * once for both projects), a build of the web app when its sources changed, and Debian's Chromium (installed with
 * apt-get when missing and running as root, as CI does).
 */
import { execFileSync } from 'node:child_process';
import { ensureWebAppBuilt } from '../../scripts/web/build-web-app';
import { chromiumInstalled, chromiumPath } from '../browser/support/chromium';
import globalSetup from './global-setup';

function installChromium(): void {
  if (chromiumInstalled()) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`No Chromium at ${chromiumPath()}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore' });
}

export default async function browserGlobalSetup(): Promise<void> {
  installChromium();
  await Promise.all([globalSetup(), ensureWebAppBuilt()]);
}
