// SIGTERM drains: a push in flight when the signal comes is finished (200, and stored), new connections
// are refused from then on, idle keep-alive connections do not hold the process, and it exits 0 (the
// forced exit after the grace period exits 1, so 0 means every request finished).
// The push is made "in flight" for certain by sending its body in two halves, with the signal between.
// Runs on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set.
import { connect } from 'node:net';
import { Agent, get, request, type ClientRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_BODY_BYTES, pushResponse, type SyncEvent } from '../../sync-server/protocol/index.ts';
import { interviewEvents, joinDevices, pushBody } from '../helpers/interview-push.ts';
import { signInOverHttp } from '../helpers/interviewer-session.ts';
import { bundleServer, type ServerBundle } from '../helpers/server-bundle.ts';
import { createServerDatabase, serverDatabaseKinds, type ServerDatabase } from '../helpers/server-database.ts';
import { createOrgWithAdmin, findFreePort, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const ADMIN = { name: 'Drain Org', email: 'drain@drain.test', adminName: 'Drain', password: 'drain password 1' };

let bundle: ServerBundle;
beforeAll(async () => {
  bundle = await bundleServer();
});
afterAll(() => bundle?.remove());

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(serverDatabaseKinds())('on %s, SIGTERM', (kind) => {
  let db: ServerDatabase;
  let server: RunningServer | null = null;

  beforeAll(async () => {
    db = await createServerDatabase(kind);
  });
  afterAll(async () => {
    if (server && server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
    await db?.drop();
  });

  test('finishes the push in flight, refuses new connections and exits 0', { timeout: 60_000 }, async () => {
    const port = await findFreePort();
    const env = { ...db.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: db.dataDir, STATIC_DIR: './no-static-for-tests' };
    server = await startSyncServer(env, { command: bundle.command });
    const running = server;
    const exited = new Promise<number | null>((resolve) => running.process.once('exit', (code) => resolve(code)));
    createOrgWithAdmin(db.dataDir, ADMIN, db.env);
    const url = `http://127.0.0.1:${port}`;
    const [device] = await joinDevices(url, await signInOverHttp(url, ADMIN), 1, { prefix: 'drain-device' });

    // An open app between syncs: a keep-alive connection left idle.
    const idleAgent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => get(`${url}/api/health`, { agent: idleAgent }, (res) => res.resume().on('end', resolve)).on('error', reject));
    const idleSocket = Object.values(idleAgent.freeSockets).flat()[0];
    expect(idleSocket).toBeDefined();
    const idleClosed = new Promise<void>((resolve) => idleSocket!.once('close', () => resolve()));

    // A large push: as many whole interviews as fit the body limit.
    const events: SyncEvent[] = [];
    for (;;) {
      const next = interviewEvents(device!);
      if (events.length + next.length > 500 || Buffer.byteLength(pushBody(device!, [...events, ...next])) > MAX_BODY_BYTES - 4_096) break;
      events.push(...next);
    }
    const body = Buffer.from(pushBody(device!, events));
    const half = Math.floor(body.length / 2);
    const pushAgent = new Agent({ keepAlive: true });
    let push!: ClientRequest;
    const reply = new Promise<{ status: number; text: string }>((resolve, reject) => {
      push = request(
        { host: '127.0.0.1', port, path: '/api/sync/push', method: 'POST', agent: pushAgent, headers: { 'content-type': 'application/json', authorization: `Bearer ${device!.token}`, 'content-length': body.length } },
        (res: IncomingMessage) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      push.on('error', reject);
    });
    await new Promise<void>((resolve) => push.write(body.subarray(0, half), () => resolve()));
    // The server has the request once its connection is accepted and the first half is through.
    await new Promise((r) => setTimeout(r, 300));

    running.process.kill('SIGTERM');
    await until(() => running.output().includes('SIGTERM'), 'the server to take the signal');

    // No new connections from now on.
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve('connected')));
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(refused).toBe('ECONNREFUSED');
    expect(running.process.exitCode, 'the server waits for the push in flight').toBeNull();

    push.end(body.subarray(half));
    const answer = await reply;
    expect(answer.status, answer.text).toBe(200);
    const outcome = pushResponse.parse(JSON.parse(answer.text));
    expect(outcome.accepted).toHaveLength(events.length);
    expect(outcome.acked).toBe(events.at(-1)!.seq);

    await idleClosed;
    expect(await exited, running.output()).toBe(0);
    pushAgent.destroy();
    idleAgent.destroy();

    const stored = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM events');
    expect(Number(stored[0]!.n)).toBe(events.length);
    server = null;
  });
});
