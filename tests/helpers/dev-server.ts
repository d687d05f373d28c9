/**
 * `npm run dev` as an editor runs it, on a free loopback port, for the tests and the bench:
 * started with the project's own Node, answered once Vite serves files, stopped with its children.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../scripts/lib/nginx-server.ts';
import { editorEnv, projectRoot } from './commands.ts';

export interface DevServer {
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  /** The Astro project to serve (the bench also runs its peer's). */
  root?: string;
  /** A file the server sends as it is, asked for until it answers. */
  readyPath?: string;
  timeoutMs?: number;
}

/** Starts the dev server with extra environment (`DIGEST_CONTENT_DIR` ...); resolves once it answers. */
export async function startDevServer(
  env: Record<string, string> = {},
  { root = projectRoot, readyPath = '/favicon.svg', timeoutMs = 120_000 }: DevServerOptions = {},
): Promise<DevServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    path.join(projectRoot, 'node_modules/.bin/node'),
    [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: root, env: editorEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm run dev exited:\n${printed}`);
    // A file Vite serves as it is: the server is up, whatever the pages cost to render.
    const answered = await fetch(`${url}${readyPath}`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`npm run dev did not answer within ${timeoutMs} ms:\n${printed}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, output: () => printed, stop };
}
