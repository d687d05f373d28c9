/**
 * Preloaded into a build (`node --import`) to count the Markdown parses it makes: every import of
 * satteri resolves to a stand-in (`satteri-counting.ts`) that counts the calls of satteri's entry
 * points and adds them, a line of JSON, to `$DIGEST_PARSE_COUNTS` when its thread exits (a preload
 * runs in every worker thread too). For the report, not for the site: nothing under src/ knows
 * about it.
 */
import { registerHooks } from 'node:module';

const countingModule = new URL('./satteri-counting.ts', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    if (context.parentURL === countingModule || !/\/node_modules\/satteri\/dist\/index\.js$/.test(resolved.url)) return resolved;
    return { url: countingModule, shortCircuit: true };
  },
});
