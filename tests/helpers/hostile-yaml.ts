/**
 * YAML that a hostile file holds: eight keys, each a list of nine aliases of the one before (the
 * "billion laughs"), about 43 million values once expanded. The first alias is on the second line.
 * @example expandingAliases('  ')[1] // '  b: &b [*a, *a, …]'
 */
export function expandingAliases(indent = ''): string[] {
  const names = 'abcdefgh';
  return [...names].map((name, index) =>
    index === 0
      ? `${indent}a: &a [${Array(9).fill('x').join(', ')}]`
      : `${indent}${name}: &${name} [${Array(9)
          .fill(`*${names[index - 1]}`)
          .join(', ')}]`,
  );
}
