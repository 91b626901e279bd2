// Parses Mermaid diagrams with the real Mermaid parser (ESM, browser-minded: run under jsdom in a child process).
// Input on stdin: a JSON array of { name, source }. Output: a JSON array of { name, ok, type?, error? }.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
globalThis.Element = dom.window.Element;
Object.defineProperty(globalThis, 'navigator', { value: dom.window.navigator, configurable: true });

const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const { name, source } of JSON.parse(input)) {
  try {
    const parsed = await mermaid.parse(source);
    results.push({ name, ok: true, type: parsed.diagramType });
  } catch (error) {
    results.push({ name, ok: false, error: String(error?.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(results));
