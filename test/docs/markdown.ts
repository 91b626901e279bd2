/** Reading the project's Markdown docs in tests: fenced code blocks, inline code, headings and their anchors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DOCS_DIR = join(__dirname, '..', '..', 'docs');

export interface CodeBlock {
  /** The info string's first word: `yaml`, `json`, `http`, … ('' when none). */
  readonly lang: string;
  readonly text: string;
  /** 1-based line of the opening fence, for failure messages. */
  readonly line: number;
}

/** A document of `docs/`, read once. */
export interface MarkdownDoc {
  readonly name: string;
  readonly text: string;
  readonly blocks: readonly CodeBlock[];
  /** The text outside fenced blocks. */
  readonly prose: string;
  readonly headings: readonly string[];
}

/** Reads `docs/<name>`. */
export function readDoc(name: string): MarkdownDoc {
  const text = readFileSync(join(DOCS_DIR, name), 'utf8');
  const blocks: CodeBlock[] = [];
  const prose: string[] = [];
  const headings: string[] = [];
  let open: { lang: string; line: number; lines: string[] } | undefined;
  text.split('\n').forEach((line, index) => {
    const fence = /^```(\S*)/.exec(line);
    if (fence && open === undefined) open = { lang: fence[1] ?? '', line: index + 1, lines: [] };
    else if (fence && open !== undefined) {
      blocks.push({ lang: open.lang, text: open.lines.join('\n'), line: open.line });
      open = undefined;
    } else if (open !== undefined) open.lines.push(line);
    else {
      prose.push(line);
      const heading = /^#{1,6} (.+)$/.exec(line);
      if (heading?.[1] !== undefined) headings.push(heading[1].trim());
    }
  });
  return { name, text, blocks, prose: prose.join('\n'), headings };
}

/** Every inline code span of the prose (tables included), without the backticks. */
export function inlineCode(doc: MarkdownDoc): string[] {
  return [...doc.prose.matchAll(/`([^`]+)`/g)].map((match) => (match[1] ?? '').replace(/\s+/g, ' '));
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** Links of the prose: `[text](target)` with the target split into file and anchor. */
export function links(doc: MarkdownDoc): { file: string; anchor?: string }[] {
  return [...doc.prose.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => {
    const [file = '', anchor] = (match[1] ?? '').split('#');
    return { file, ...(anchor === undefined ? {} : { anchor }) };
  });
}
