/** Text inside Mermaid quoted labels: entity codes for the characters Mermaid or its HTML labels would read. */

const ENTITIES: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#quot;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '|': '#124;',
  '`': '#96;',
  ';': '#59;',
};

/** `text` made safe for `"…"` labels: one line, quotes and markup characters as Mermaid entity codes. */
export function mermaidText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[#"&<>|`;]/g, (char) => ENTITIES[char] ?? char);
}

/** At most `max` characters, an ellipsis marking the cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}
