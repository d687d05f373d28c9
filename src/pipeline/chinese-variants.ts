/**
 * Traditional and variant Chinese characters with the simplified character each is written as,
 * from OpenCC's tables (the `opencc-js` package): its traditional-to-simplified characters, and
 * the Taiwan and Hong Kong variants of traditional characters, taken on to simplified. Only the
 * pairs whose simplified character the archive uses are shipped (`createSearchVocabulary`).
 */
import tsCharacters from 'opencc-js/dict/TSCharacters';
import hkVariants from 'opencc-js/dict/HKVariantsRev';
import twVariants from 'opencc-js/dict/TWVariantsRev';

/** OpenCC's table format: `from to[ to…]` entries joined by `|`; the first `to` is the usual one. */
function readTable(table: string): [string, string][] {
  return table.split('|').flatMap((entry) => {
    const [from, to] = entry.split(' ');
    return from && to ? [[from, to] as [string, string]] : [];
  });
}

/** Every character pair, variant first: `['雲', '云']`; each variant once. */
export function chineseVariants(): [string, string][] {
  const simplified = new Map(readTable(tsCharacters));
  const pairs = new Map<string, string>(simplified);
  for (const [variant, traditional] of [...readTable(twVariants), ...readTable(hkVariants)]) {
    if (!pairs.has(variant)) pairs.set(variant, simplified.get(traditional) ?? traditional);
  }
  return [...pairs].filter(([variant, target]) => variant !== target);
}
