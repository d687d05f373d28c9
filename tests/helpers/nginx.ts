/** The shipped nginx server block run by the tests, and plain HTTP requests whose raw headers and bytes they read. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startNginx, type NginxServer } from '../../scripts/lib/nginx-server.ts';
import { shippedServerFile } from '../../src/lib/hosting/nginx.ts';
import { projectRoot } from './commands.ts';

/**
 * Starts nginx with `deploy/nginx.conf` as shipped, but for two lines: it listens on a loopback
 * port instead of port 80, and serves `root` (a built site) instead of /var/www.
 */
export function serveWithShippedNginx(root: string): Promise<NginxServer> {
  const shipped = readFileSync(path.join(projectRoot, shippedServerFile), 'utf8');
  return startNginx((listen) => {
    const local = shipped
      .replace(/^( *)listen 80;\n *listen \[::\]:80;$/m, `$1listen ${listen};`)
      .replace(/^( *)root \/var\/www\/openstack-digest;$/m, `$1root ${root};`);
    if (!local.includes(`listen ${listen};`) || !local.includes(`root ${root};`))
      throw new Error(`${shippedServerFile} no longer listens on 80 and serves /var/www/openstack-digest: update tests/helpers/nginx.ts`);
    return local;
  });
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent, not decompressed. */
  body: Buffer;
}

const agent = new http.Agent({ keepAlive: true });

/** A GET sent as is (no `Accept-Encoding` unless given), answered as the server sent it. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}
