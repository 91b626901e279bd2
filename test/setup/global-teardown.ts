/** Stops the dev server that global-setup started. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.fullcycleTestServer?.stop();
  globalThis.fullcycleTestServer = undefined;
}
