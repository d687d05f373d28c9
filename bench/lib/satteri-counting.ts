/** satteri, with the calls of its parsing entry points counted (see `parse-counter.ts`). */
import { appendFileSync } from 'node:fs';
import * as satteri from 'satteri';

export * from 'satteri';

const counts: Record<string, number> = {};

function counted<F extends (...args: never[]) => unknown>(name: string, entry: F): F {
  return ((...args: Parameters<F>) => {
    counts[name] = (counts[name] ?? 0) + 1;
    return entry(...args);
  }) as F;
}

export const markdownToHtml = counted('markdownToHtml', satteri.markdownToHtml);
export const markdownToMdast = counted('markdownToMdast', satteri.markdownToMdast);
export const markdownToHast = counted('markdownToHast', satteri.markdownToHast);
export const markdownToJs = counted('markdownToJs', satteri.markdownToJs);
export const mdxToJs = counted('mdxToJs', satteri.mdxToJs);
export const mdxToMdast = counted('mdxToMdast', satteri.mdxToMdast);
export const mdxToHast = counted('mdxToHast', satteri.mdxToHast);

// Each thread that parses (the build's, and the workers that read content files) adds its line.
process.on('exit', () => {
  const file = process.env['DIGEST_PARSE_COUNTS'];
  if (file) appendFileSync(file, `${JSON.stringify(counts)}\n`);
});
