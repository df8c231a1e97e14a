// Vitest globalSetup of the `chromium` project (runs in Node, once per run): starts the real sync
// server as a child process, with an organisation and its admin made by the real admin CLI. The
// browser tests reach it same-origin at /api through the project's Vite proxy (vitest.config.ts
// chose the port), and get the admin's credentials through inject('syncAdmin'). Its model mirror
// (/models) serves a generated fake model, described to the tests by inject('fakeMlcModel').
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeFakeMlcModel } from './fake-mlc-model.ts';
import { createOrgWithAdmin, startSyncServer } from './sync-server-process.ts';

const SHARED_FACE_MODEL = resolve(import.meta.dirname, '../../../shared/models/face_landmarker.task');

export const SYNC_SERVER_PORT_ENV = 'IB_BROWSER_TESTS_SYNC_PORT';

const ADMIN = { name: 'Acme Hiring', email: 'ada@acme.test', adminName: 'Ada Admin', password: 'correct horse battery' };

declare module 'vitest' {
  export interface ProvidedContext {
    /** The organisation's admin on the real sync server behind /api; sign in as them to make invite codes. */
    syncAdmin: { orgName: string; email: string; password: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = process.env[SYNC_SERVER_PORT_ENV];
  if (!port) throw new Error(`${SYNC_SERVER_PORT_ENV} is not set: vitest.config.ts picks the sync server's port for the chromium project's /api proxy.`);
  // The model mirror (/models, proxied like /api) holds a generated fake model, never real weights.
  const modelsDir = mkdtempSync(join(tmpdir(), 'ib-models-'));
  const fakeMlcModel = writeFakeMlcModel(modelsDir);
  // The real MediaPipe face model, where a mirror keeps it (workers/vision/model-files.ts).
  if (existsSync(SHARED_FACE_MODEL)) copyFileSync(SHARED_FACE_MODEL, join(modelsDir, 'face_landmarker.task'));
  else if (process.env.CI === 'true') throw new Error(`${SHARED_FACE_MODEL} is missing: CI runs with ../shared beside the repo.`);
  const server = await startSyncServer({ PORT: port, HOST: '127.0.0.1', MODELS_DIR: modelsDir });
  try {
    createOrgWithAdmin(server.dataDir, ADMIN);
  } catch (error) {
    await server.stop();
    rmSync(modelsDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('syncAdmin', { orgName: ADMIN.name, email: ADMIN.email, password: ADMIN.password });
  project.provide('fakeMlcModel', fakeMlcModel);
  return async () => {
    await server.stop();
    rmSync(modelsDir, { recursive: true, force: true });
  };
}
