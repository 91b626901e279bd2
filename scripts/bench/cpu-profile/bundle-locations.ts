/**
 * Sees through the workflow bundle: the workflow thread runs one webpack bundle with an inline source map, so its
 * frames all point into that one file; this maps them back to the source files (workflows/…, luxon, the SDK).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SourceMapConsumer, type RawSourceMap } from 'source-map';
import type { CpuProfile } from './cpu-profile-model';
import type { LocateFrame } from './summarize-profile';

const INLINE_MAP = '//# sourceMappingURL=data:application/json;';

export interface BundleLocations {
  readonly locate: LocateFrame;
  /** Whether any frame of the profile ran in a bundle with an inline source map. */
  readonly bundled: boolean;
  close(): void;
}

async function inlineMap(file: string): Promise<RawSourceMap | undefined> {
  const code = await readFile(file, 'utf8').catch(() => '');
  const at = code.lastIndexOf(INLINE_MAP);
  const encoded = at < 0 ? undefined : code.slice(at).split('base64,')[1]?.trim();
  return encoded === undefined
    ? undefined
    : (JSON.parse(Buffer.from(encoded, 'base64').toString()) as RawSourceMap);
}

/** Reads the inline source maps of the bundles the profile's frames ran in. */
export async function bundleLocations(profile: CpuProfile): Promise<BundleLocations> {
  const urls = new Set(
    profile.nodes
      .map((node) => node.callFrame.url)
      .filter((url) => /\.js$/.test(url) && url.includes('bundle')),
  );
  const consumers = new Map<string, SourceMapConsumer>();
  for (const url of urls) {
    const map = await inlineMap(url.startsWith('file://') ? fileURLToPath(url) : url);
    if (map !== undefined) consumers.set(url, await new SourceMapConsumer(map));
  }
  return {
    bundled: consumers.size > 0,
    locate(frame) {
      const consumer = consumers.get(frame.url);
      if (consumer === undefined) return undefined;
      const original = consumer.originalPositionFor({
        line: frame.lineNumber + 1,
        column: frame.columnNumber,
      });
      return original.source === null ? undefined : { file: original.source, line: original.line ?? 0 };
    },
    close() {
      for (const consumer of consumers.values()) consumer.destroy();
    },
  };
}
