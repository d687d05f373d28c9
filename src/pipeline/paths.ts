/**
 * Where content lives. `DIGEST_CONTENT_DIR` points the site, `npm run check` and the editor
 * scripts at another issues folder (such as an imported legacy archive).
 */
import path from 'node:path';

/** The project registry, shared by the site, the checks and the importer. */
export const registryFile = path.resolve('src/content/projects.yaml');

/** The issues folder: `zh-CN/` holds the issues, `en/` their translations. */
export function getIssuesDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env['DIGEST_CONTENT_DIR'] || 'src/content/issues');
}

/** A path as messages show it: relative to the project when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}
