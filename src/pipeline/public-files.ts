/**
 * What `public/` publishes, checked as the content is: the build copies the folder into the site
 * as it is, beside the pages, so a file there is served on the site's own address and reaches
 * every host. Its links out of the folder, the files hosts read as their configuration, and the
 * scripts of its documents (SVG images, other XML, HTML pages) are problems with the fix.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ContentProblem } from './problems.ts';
import { displayPath, isWithin, publicDir } from './paths.ts';
import { documentScripts } from './svg-scripts.ts';
import { readRoute, sitemapPath, splitLocale } from '../lib/routes.ts';

/**
 * The files of `public/` as paths inside it (`images/a.png`), for the links to them, and the
 * problems of the folder.
 */
export async function readPublicFiles(): Promise<{ served: string[]; problems: ContentProblem[] }> {
  const { served, problems } = await servedFiles();
  return {
    served,
    problems: [...problems, ...builtFileProblems(served), ...hostFileProblems(served), ...(await publicScriptProblems(served))],
  };
}

/**
 * What the build itself writes at a site path, if anything: its address, what it is, and whether
 * Astro would publish a file of `public/` there in its place (a route it skips, with a warning
 * only); the others collide with it (the build fails, or replaces the file).
 * @example builtAt('/en/projects/nova/rss.xml') // { address: '/en/projects/nova/rss.xml', what: 'a project’s feed', replaced: true }
 */
function builtAt(sitePath: string): { address: string; what: string; replaced: boolean } | undefined {
  const folder = /^\/(pagefind|_astro)\//.exec(sitePath)?.[1];
  if (folder)
    return { address: `/${folder}/`, what: folder === 'pagefind' ? 'the search index' : 'the pages’ scripts and styles', replaced: false };
  if (sitePath === '/robots.txt') return { address: sitePath, what: 'what crawlers read', replaced: true };
  if (sitePath === sitemapPath) return { address: sitePath, what: 'the sitemap', replaced: false };
  if (sitePath === '/_headers') return { address: sitePath, what: 'the headers Netlify and Cloudflare Pages send', replaced: false };
  const route = sitePath.endsWith('.xml') ? readRoute(splitLocale(sitePath).path) : undefined;
  if (route?.kind === 'page') return { address: sitePath, what: 'the digest’s feed', replaced: true };
  if (route?.kind === 'project-feed') return { address: sitePath, what: 'a project’s feed', replaced: true };
  return undefined;
}

/**
 * The files of `public/` at an address the build writes itself (`rss.xml`, `robots.txt`,
 * `pagefind/`): a feed there would go out in place of the site's own, past every check its items pass.
 */
function builtFileProblems(served: readonly string[]): ContentProblem[] {
  return served.flatMap((file) => {
    const built = builtAt(`/${file}`);
    if (!built) return [];
    const clash = built.replaced ? 'Astro would publish this file in its place, with a warning only' : 'the two would collide';
    return [
      {
        file: displayPath(path.join(publicDir, file)),
        field: 'file',
        message: `the build writes ${built.address} itself (${built.what}): ${clash}`,
        fix: 'delete it, or give it another address (public/files/…)',
      },
    ];
  });
}

/**
 * The files of `public/`, served as they are, as paths inside it (`images/a.png`); a symbolic link
 * there to anything outside it is a problem: the build copies what a link leads to, so a link
 * committed as `public/logo.png` to the build machine's `~/.ssh/id_rsa` (or a folder of it) would
 * be published with the site.
 */
async function servedFiles(): Promise<{ served: string[]; problems: ContentProblem[] }> {
  const entries = await readdir(publicDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const root = await realpath(publicDir).catch(() => publicDir);
  const served: string[] = [];
  const problems: ContentProblem[] = [];
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink()) {
      const target = await realpath(file).catch(() => undefined);
      if (target === undefined || !isWithin(root, target)) {
        problems.push({
          file: displayPath(file),
          field: 'file',
          message: `a symbolic link to ${target ?? 'a file that does not exist'}, outside public/: the build would publish what it leads to with the site`,
          fix: 'copy the file into public/ instead of linking to it',
        });
        continue;
      }
      if (!(await stat(target)).isFile()) continue;
    } else if (!entry.isFile()) continue;
    served.push(path.relative(publicDir, file).split(path.sep).join('/'));
  }
  return { served, problems };
}

/**
 * Files of the published folder that hosts read as their own configuration rather than serve, by
 * path in `public/` (`.htaccess` in any folder): what each would do there, and who reads it.
 */
const HOST_FILES: readonly { path: RegExp; reader: string; does: string }[] = [
  {
    path: /^_redirects$/,
    reader: 'Netlify and Cloudflare Pages read this file as their own configuration',
    does: 'its rules would send the site’s addresses elsewhere, or show another site’s pages at them',
  },
  {
    path: /^_worker\.js(?:\/|$)/,
    reader: 'Cloudflare Pages reads this file as its own configuration',
    does: 'as a Worker, its code would answer every request to the site',
  },
  {
    path: /^_routes\.json$/,
    reader: 'Cloudflare Pages reads this file as its own configuration',
    does: 'it decides which requests the site’s Functions answer',
  },
  {
    path: /(?:^|\/)\.htaccess$/,
    reader: 'Apache reads this file as its own configuration',
    does: 'it may change how the folder’s files are served (their type, redirects, handlers)',
  },
];

/**
 * The files of `public/` a host would read as its configuration (a `_redirects` or `_worker.js`
 * added with an issue's images): the build publishes `public/` as it is, so it would take effect.
 */
function hostFileProblems(served: readonly string[]): ContentProblem[] {
  return served.flatMap((file) => {
    const known = HOST_FILES.find(({ path: name }) => name.test(file));
    if (!known) return [];
    return [
      {
        file: displayPath(path.join(publicDir, file)),
        field: 'file',
        message: `${known.reader}, not as a file of the site: ${known.does}`,
        fix: 'delete it: public/ holds files the site shows or links, and the build writes what the hosts need (_headers)',
      },
    ];
  });
}

/** Files a browser opens as an XML document (an SVG image among them) as hosts label them, whose scripts run on the site's address. */
const XML_DOCUMENT = /\.(?:svgz?|xml|xhtml|xht|xsl|xslt|xsd|rng)$/i;

/** Files a browser opens as an HTML page. */
const HTML_PAGE = /\.(?:html?|shtml)$/i;

/** The most a gzip document (`.svgz`) is unpacked to for its check. */
const MAX_UNPACKED = 16 * 2 ** 20;

/**
 * A file's bytes, unpacked when gzip (an `.svgz` image, which a host may send with
 * `Content-Encoding: gzip` for the browser to unpack); undefined when they unpack past `MAX_UNPACKED`.
 */
function unpacked(bytes: Buffer): Buffer | undefined {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED });
  } catch (error) {
    // Not gzip after all (a damaged file, which no browser unpacks either): read as it is.
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? undefined : bytes;
  }
}

/** Whether a browser opens a file as a page or a document, whose scripts would run. */
const isDocument = (file: string) => HTML_PAGE.test(file) || XML_DOCUMENT.test(file);

/**
 * The scripts of the SVG images and other XML documents in `public/` (`svg-scripts.ts`): an editor
 * puts images there, and one exported with a script would run it on the site's own address when
 * opened by itself. An HTML page there is refused whatever it holds: published beside the site's
 * pages, it would escape the check their texts pass and their policy (nginx leaves a page's scripts
 * to its own `<meta>`, and the build would put the hashes that one allows in every page's header).
 */
async function publicScriptProblems(served: readonly string[]): Promise<ContentProblem[]> {
  // nginx serves `x.svg.gz` for `x.svg` to a browser that takes gzip (and for a missing `x.html`
  // too), so the compressed copy of a page or document would go out unchecked.
  const copies = served
    .filter((file) => /\.(?:gz|br)$/i.test(file) && isDocument(file.replace(/\.(?:gz|br)$/i, '')))
    .map((file) => ({
      file: displayPath(path.join(publicDir, file)),
      field: 'file',
      message: `a compressed copy of /${file.replace(/\.(?:gz|br)$/i, '')}, which nginx serves in its place (or as it, when there is none) to every browser that takes gzip or Brotli, past the check of that file`,
      fix: 'delete it: the build compresses the files of public/ itself',
    }));
  const pages = served
    .filter((file) => HTML_PAGE.test(file))
    .map((file) => ({
      file: displayPath(path.join(publicDir, file)),
      field: 'file',
      message: `a page of its own, which the site would publish on its own address outside every rule its pages follow (the check of their text, their Content-Security-Policy), so any script in it would run there`,
      fix: 'link the page where it lives elsewhere, or keep what it shows as a PDF or an image in public/ (an issue may also quote it)',
    }));
  const documents = served.filter((file) => XML_DOCUMENT.test(file)).map((file) => path.join(publicDir, file));
  const found = await Promise.all(
    documents.map(async (file) => {
      const kind = /\.svgz?$/i.test(file) ? 'image' : 'document';
      const bytes = unpacked(await readFile(file));
      if (!bytes) {
        const message = `the ${kind} unpacks to more than ${MAX_UNPACKED / 2 ** 20} MB, too large to check for scripts`;
        return [{ file: displayPath(file), field: 'file', message, fix: 'save it unpacked (.svg) and smaller' }];
      }
      return documentScripts(bytes).map(({ line, written }) => ({
        file: displayPath(file),
        line,
        field: 'file',
        message: `the ${kind} holds a script (${written}), which runs on the site's own address when the ${kind} is opened by itself, on a host that sends no Content-Security-Policy (GitHub Pages, a plain file server)`,
        fix:
          kind === 'image'
            ? 'remove it: an image needs no script (delete the element or attribute, or export the image again as plain SVG)'
            : 'remove it: a document the site publishes needs no script (delete the element or attribute)',
      }));
    }),
  );
  return [...copies, ...pages, ...found.flat()];
}
