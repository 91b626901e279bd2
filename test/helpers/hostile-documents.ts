/** Documents built to hurt a parser, for the tests that check they are refused with a clear message. */

/** YAML whose nested aliases expand to 10^10 values ("billion laughs"). */
export function yamlAliasBomb(): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let level = 1; level < 10; level += 1) {
    lines.push(
      `a${level}: &a${level} [${Array(10)
        .fill(`*a${level - 1}`)
        .join(', ')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}
