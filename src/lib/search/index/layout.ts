/**
 * Where Pagefind keeps each word and filter, read from the index's metadata at build time, so the
 * page can ask for the index chunks a query needs while Pagefind itself is still loading
 * (`../page/index-chunks.ts`): left to itself, Pagefind learns which chunks to fetch only once its
 * metadata and WebAssembly have arrived, a round of requests later. Pure; reads the metadata as
 * Pagefind 1.6 writes it (pinned): its signature, then a CBOR array whose third item lists the
 * index chunks (`[from, to, hash]`, in word order) and whose fourth lists the filters' chunks
 * (`[name, hash]`).
 */
import type { IndexLayout } from '../contract.ts';

const SIGNATURE = 'pagefind_dcd';

const fail = (why: string): never => {
  throw new Error(
    `Pagefind's index metadata ${why}: the search page could not ask for index chunks early. Fix: check src/lib/search/index/layout.ts against the Pagefind version installed.`,
  );
};

/** A CBOR value, as far as Pagefind's metadata uses them. */
type Value = number | string | Uint8Array | boolean | null | Value[] | Map<Value, Value>;

/** Reads one CBOR data item after another from `bytes` (definite and indefinite lengths, no tags). */
function cborReader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  const take = (count: number) => {
    if (at + count > bytes.length) fail('ends early');
    const start = at;
    at += count;
    return start;
  };
  /** The argument of an initial byte: a length or a number; undefined for an indefinite length. */
  const argument = (info: number): number | undefined => {
    if (info < 24) return info;
    if (info === 24) return view.getUint8(take(1));
    if (info === 25) return view.getUint16(take(2));
    if (info === 26) return view.getUint32(take(4));
    if (info === 27) return Number(view.getBigUint64(take(8)));
    if (info === 31) return undefined;
    return fail(`holds an unknown length (${info})`);
  };
  const items = (count: number | undefined, each: () => void) => {
    if (count !== undefined) for (let index = 0; index < count; index += 1) each();
    else {
      while (view.getUint8(at) !== 0xff) each();
      take(1);
    }
  };
  const read = (): Value => {
    const initial = view.getUint8(take(1));
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case 0:
        return argument(info) ?? fail('holds an indefinite number');
      case 1:
        return -1 - (argument(info) ?? fail('holds an indefinite number'));
      case 2:
      case 3: {
        const length = argument(info) ?? fail('holds an indefinite string');
        const start = take(length);
        return major === 2 ? bytes.subarray(start, start + length) : text.decode(bytes.subarray(start, start + length));
      }
      case 4: {
        const list: Value[] = [];
        items(argument(info), () => list.push(read()));
        return list;
      }
      case 5: {
        const map = new Map<Value, Value>();
        items(argument(info), () => map.set(read(), read()));
        return map;
      }
      case 7:
        if (info === 20 || info === 21) return info === 21;
        if (info === 22 || info === 23) return null;
        if (info === 25) return (take(2), Number.NaN);
        if (info === 26) return view.getFloat32(take(4));
        if (info === 27) return view.getFloat64(take(8));
        return fail(`holds an unknown simple value (${info})`);
      default:
        return fail(`holds a tagged value (major type ${major})`);
    }
  };
  return { read, done: () => at === bytes.length };
}

const isStrings = (value: Value, count: number): value is string[] =>
  Array.isArray(value) && value.length === count && value.every((item) => typeof item === 'string');

/**
 * The index chunks and filter chunks of an index, from its metadata decompressed (Pagefind gzips
 * it; the bytes start with its signature).
 * @example readIndexLayout(metadata).chunks[0] // ['01', '1', 'zh-cn_249f17d']
 */
export function readIndexLayout(metadata: Uint8Array): IndexLayout {
  if (new TextDecoder().decode(metadata.subarray(0, SIGNATURE.length)) !== SIGNATURE) fail('lacks its signature');
  const reader = cborReader(metadata.subarray(SIGNATURE.length));
  const meta = reader.read();
  if (!reader.done()) fail('holds more than one value');
  if (!Array.isArray(meta)) return fail('is not a list');
  const [, , chunks, filters] = meta;
  if (!Array.isArray(chunks) || !chunks.every((chunk) => isStrings(chunk, 3))) return fail('lists its index chunks otherwise');
  if (!Array.isArray(filters) || !filters.every((filter) => isStrings(filter, 2))) return fail('lists its filters otherwise');
  return {
    chunks: (chunks as string[][]).map(([from = '', to = '', hash = '']) => [from, to, hash]),
    filterChunks: Object.fromEntries(filters as string[][]) as Record<string, string>,
  };
}
