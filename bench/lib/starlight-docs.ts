/**
 * The converter for the benchmark's peer: writes an issues folder (`zh-CN/NNNN.md` issues,
 * `en/NNNN.md` translations) as Starlight docs, Chinese at the root locale (`issues/NNNN.md`) and
 * the translations under `en/` (`en/issues/NNNN.md`); Starlight makes the fallback pages of the
 * untranslated issues itself. Only the title and description of the front matter carry over.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { parseFrontmatter } from '../../src/pipeline/frontmatter.ts';

export interface DocFile {
  /** Path inside Starlight's `src/content/docs/`. */
  path: string;
  content: string;
}

/** Locale folders of an issues folder, and where Starlight wants each (root locale = no prefix). */
const LOCALE_DIRS = { 'zh-CN': '', en: 'en/' } as const;

/**
 * One issue or translation file as a Starlight doc; `file` is its path inside the issues folder.
 * @example toStarlightDoc('en/0008.md', '---\ntitle: Issue 8\ndescription: …\n---\n## Nova…').path // 'en/issues/0008.md'
 */
export function toStarlightDoc(file: string, source: string): DocFile {
  const [localeDir, name] = file.split('/');
  const prefix = LOCALE_DIRS[localeDir as keyof typeof LOCALE_DIRS];
  if (prefix === undefined || !name) throw new Error(`${file}: not under zh-CN/ or en/`);
  const parsed = parseFrontmatter(source);
  if (!('data' in parsed)) throw new Error(`${file}:${parsed.line}: ${parsed.message}`);
  const data = parsed.data as { title?: unknown; description?: unknown };
  if (typeof data.title !== 'string') throw new Error(`${file}: no title`);
  const frontmatter = stringify({ title: data.title, ...(typeof data.description === 'string' ? { description: data.description } : {}) });
  return { path: `${prefix}issues/${name}`, content: `---\n${frontmatter}---\n${parsed.body}` };
}

/** The home page of each locale, as a new Starlight site has. */
export function starlightHomePages(issueCount: number): DocFile[] {
  return [
    { path: 'index.md', content: `---\ntitle: OpenStack社区动态\n---\n\n共 ${issueCount} 期。\n` },
    { path: 'en/index.md', content: `---\ntitle: OpenStack Community Digest\n---\n\n${issueCount} issues.\n` },
  ];
}

/** Replaces `docsDir` with the issues folder converted; returns how many issues and translations it wrote. */
export async function writeStarlightDocs(issuesDir: string, docsDir: string): Promise<{ issues: number; translations: number }> {
  await rm(docsDir, { recursive: true, force: true });
  const counts = { issues: 0, translations: 0 };
  const docs: DocFile[] = [];
  for (const localeDir of Object.keys(LOCALE_DIRS)) {
    const names = (await readdir(path.join(issuesDir, localeDir)).catch(() => [])).filter((name) => name.endsWith('.md')).sort();
    for (const name of names) {
      docs.push(toStarlightDoc(`${localeDir}/${name}`, await readFile(path.join(issuesDir, localeDir, name), 'utf8')));
      counts[localeDir === 'en' ? 'translations' : 'issues'] += 1;
    }
  }
  docs.push(...starlightHomePages(counts.issues));
  for (const doc of docs) {
    await mkdir(path.dirname(path.join(docsDir, doc.path)), { recursive: true });
    await writeFile(path.join(docsDir, doc.path), doc.content);
  }
  return counts;
}
