/**
 * Preloaded into a Node process (`--import`): writes every connection it opens to a host other
 * than this machine into the file `DIGEST_OUTBOUND_LOG` names, one `host:port` per line. The
 * tests read it to show that building and serving the site ask nothing of another host.
 */
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const log = process.env['DIGEST_OUTBOUND_LOG'];
/** This machine: loopback, and the wildcard addresses a server listens on (Vite looks them up to list its addresses). */
const loopback = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\]|0\.0\.0\.0|::|(0000:){7}0000)$/;

if (log) {
  // A name is looked up before it is connected to; where the lookup fails (no network), that is all there is to see.
  const lookup = dns.lookup;
  dns.lookup = function (hostname: string, ...rest: unknown[]) {
    if (!loopback.test(hostname)) appendFileSync(log, `${hostname} (looked up)\n`);
    return (lookup as (...all: unknown[]) => unknown)(hostname, ...rest);
  } as typeof dns.lookup;
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // Node passes its own normalized [options, callback] pair, or the caller's arguments.
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    const options = (typeof first === 'object' && first !== null ? first : { port: first, host: args[1] }) as {
      host?: string;
      port?: unknown;
      path?: string;
    };
    const host = options.host ?? 'localhost';
    if (options.path === undefined && !loopback.test(host)) appendFileSync(log, `${host}:${String(options.port)}\n`);
    return (connect as (...rest: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
}
