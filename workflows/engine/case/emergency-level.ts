/** The name of an emergency level (1 the most severe, like 一级/I级). */

const ROMAN = ['none', 'I', 'II', 'III', 'IV'] as const;

/** `IV级` style name of a level, for messages. */
export function levelName(level: number): string {
  return `${ROMAN[level] ?? String(level)}级`;
}
