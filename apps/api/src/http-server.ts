// Starts the Node HTTP server for the app. Idle keep-alive connections are kept longer than a client or proxy
// keeps them (Node's default is 5 s): when the server closes an idle socket just as a client reuses it, the
// client sees ECONNRESET. 65 s outlasts the usual 60 s of load balancers; headers get a second more.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

export const KEEP_ALIVE_MS = 65_000;

export interface StartedServer {
  server: Server;
  port: number;
}

export async function startHttpServer(
  fetch: (request: Request) => Response | Promise<Response>,
  options: { port: number; hostname: string },
): Promise<StartedServer> {
  const server = serve({ fetch, port: options.port, hostname: options.hostname }) as Server;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  return { server, port: (server.address() as AddressInfo).port };
}
