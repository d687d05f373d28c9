/**
 * Runs Debian's nginx with a server block, unprivileged and self-contained: a temporary prefix
 * holds the main configuration (which includes the block), the pid, the logs and nginx's
 * temporary folders, so nothing under /etc or /var is read or written. Used by the e2e tests and
 * by `npm run serve:nginx`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's nginx and its Brotli module (package libnginx-mod-http-brotli-static). */
export const nginxBinary = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';
export const brotliStaticModule = process.env['NGINX_BROTLI_STATIC_MODULE'] ?? '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

export interface NginxServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Resolves when nginx has exited, stopped by `close` or not, saying how (`status 0`, `signal SIGKILL`). */
  exited: Promise<string>;
  close(): Promise<void>;
}

/** A port free on the loopback interface right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no free port on 127.0.0.1');
  return address.port;
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

/**
 * Starts nginx in the foreground (one process, as the calling user) with the server block that
 * `serverBlock` returns for a `listen` value on the loopback interface (`port`, or a free one);
 * resolves once it accepts connections, and fails with nginx's own error log when it cannot start,
 * or at once when another server holds the port asked for.
 */
export async function startNginx(serverBlock: (listen: string) => string, { port: wanted }: { port?: number } = {}): Promise<NginxServer> {
  for (const [file, fix] of [
    [nginxBinary, 'apt-get install nginx (or set NGINX_PATH)'],
    [brotliStaticModule, 'apt-get install libnginx-mod-http-brotli-static'],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${file} is missing. Fix: ${fix}.`);
  }
  const port = wanted ?? (await freePort());
  // Another server on the port would answer in nginx's place (nginx, unable to bind, exits).
  if (wanted !== undefined && (await accepts(port))) {
    throw new Error(`Port ${port} on 127.0.0.1 is taken by another server. Fix: stop that server, or choose another port.`);
  }
  const block = serverBlock(`127.0.0.1:${port}`);
  const prefix = await mkdtemp(path.join(tmpdir(), 'digest-nginx-'));
  const at = (name: string) => path.join(prefix, name);
  await writeFile(at('server.conf'), block);
  await writeFile(
    at('nginx.conf'),
    [
      `load_module ${brotliStaticModule};`,
      'daemon off;',
      'master_process off;',
      `pid ${at('nginx.pid')};`,
      `error_log ${at('error.log')} warn;`,
      'events { worker_connections 128; }',
      'http {',
      '    access_log off;',
      '    sendfile on;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${at(kind)};`),
      `    include ${at('server.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(nginxBinary, ['-p', prefix, '-c', at('nginx.conf'), '-e', at('error.log')], { stdio: 'ignore' });
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (status, signal) => resolve(signal ? `signal ${signal}` : `status ${status}`)),
  );
  const failure = async (reason: string) => {
    const log = await readFile(at('error.log'), 'utf8').catch(() => '');
    child.kill();
    await rm(prefix, { recursive: true, force: true });
    return new Error(`nginx ${reason}:\n${log}`);
  };
  for (let waited = 0; !(await accepts(port)); waited += 50) {
    if (child.exitCode !== null || child.signalCode !== null) throw await failure(`exited (status ${child.exitCode})`);
    if (waited > 10_000) throw await failure('did not accept connections within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    exited,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}

/**
 * The address a built site was built for, read from its home page's canonical link (every page
 * has one, made from SITE_URL), or undefined when it has none.
 * @example builtSiteAddress('<link rel="canonical" href="https://x.org/digest/">')?.pathname // '/digest/'
 */
export function builtSiteAddress(homePage: string): URL | undefined {
  const href = /<link rel="canonical" href="([^"]+)"/.exec(homePage)?.[1];
  return href ? (URL.parse(href.replaceAll('&amp;', '&')) ?? undefined) : undefined;
}
