import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, readAiConfig } from '../config.ts';
import { ApiKey, loadProviders } from './provider-config.ts';

const SECRET = 'sk-proj-THIS-MUST-NEVER-BE-PRINTED';

const openai = {
  name: 'openai',
  baseUrl: 'https://api.openai.com/v1/',
  apiKeyEnv: 'OPENAI_API_KEY',
  model: 'gpt-4o-mini',
  dailyQuota: 5000,
  requestsPerMinute: 60,
  priority: 1,
};
const groq = { ...openai, name: 'groq', baseUrl: 'https://api.groq.com/openai/v1', apiKeyEnv: undefined, apiKey: SECRET, priority: 2, timeoutMs: 15_000 };

function problemsOf(result: ReturnType<typeof loadProviders>): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.problems.join('\n');
}

describe('loadProviders', () => {
  it('reads the inline list, resolves apiKeyEnv, trims the base URL and fills in the timeout', () => {
    const result = loadProviders({ inline: JSON.stringify([openai, groq]), env: { OPENAI_API_KEY: 'sk-from-env' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first, second] = result.providers;
    expect(first).toMatchObject({ name: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', timeoutMs: 20_000, priority: 1 });
    expect(first!.apiKey.reveal()).toBe('sk-from-env');
    expect(second).toMatchObject({ name: 'groq', timeoutMs: 15_000 });
    expect(second!.apiKey.reveal()).toBe(SECRET);
  });

  it('reads the list from AI_PROVIDERS_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ib-ai-config-'));
    try {
      const file = join(dir, 'providers.json');
      writeFileSync(file, JSON.stringify([groq]));
      const result = loadProviders({ file, env: {} });
      expect(result.ok && result.providers.map((provider) => provider.name)).toEqual(['groq']);
      expect(problemsOf(loadProviders({ file: join(dir, 'missing.json'), env: {} }))).toMatch(/cannot read .*missing\.json \(ENOENT\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('means no providers when neither variable is set', () => {
    expect(loadProviders({ env: {} })).toEqual({ ok: true, providers: [] });
    expect(loadProviders({ inline: '  ', env: {} })).toEqual({ ok: true, providers: [] });
  });

  it('names each problem with its place in the list', () => {
    const bad = [
      { ...openai, apiKeyEnv: 'MISSING_KEY' },
      { ...groq, baseUrl: 'not a url', dailyQuota: 0, apikey: 'typo' },
      { ...groq, apiKeyEnv: 'ALSO_SET' },
      { ...openai, apiKeyEnv: undefined },
      { ...openai, name: 'openai', apiKeyEnv: 'OPENAI_API_KEY' },
    ];
    const problems = problemsOf(loadProviders({ inline: JSON.stringify(bad), env: {} }));
    expect(problems).toContain('AI_PROVIDERS[1].baseUrl: must be an http(s) URL');
    expect(problems).toMatch(/AI_PROVIDERS\[1\]\.dailyQuota: /);
    expect(problems).toContain('Unrecognized key: "apikey"');
    expect(problems).toContain('AI_PROVIDERS[2]: set exactly one of apiKey or apiKeyEnv');
    expect(problems).toContain('AI_PROVIDERS[3]: set exactly one of apiKey or apiKeyEnv');
    expect(problems).toContain('AI_PROVIDERS[4].name: "openai" is used twice');
    expect(problems).not.toContain(SECRET);
  });

  it('says which key variable is missing, never a key', () => {
    const problems = problemsOf(loadProviders({ inline: JSON.stringify([{ ...openai, apiKeyEnv: 'MISSING_KEY' }]), env: {} }));
    expect(problems).toBe('AI_PROVIDERS[0] ("openai"): apiKeyEnv names MISSING_KEY, which is not set; set it or give apiKey');
  });

  it('reports broken JSON by position only, because the parser would quote the text around it (a key)', () => {
    const broken = `[{"name": "groq", "apiKey": "${SECRET}" "model": "x"}]`;
    const problems = problemsOf(loadProviders({ inline: broken, env: {} }));
    expect(problems).toMatch(/^AI_PROVIDERS is not valid JSON \(near character \d+\); it must be a JSON array of providers$/);
    expect(problems).not.toContain(SECRET.slice(0, 10));
  });

  it('refuses both variables at once', () => {
    expect(problemsOf(loadProviders({ inline: '[]', file: './p.json', env: {} }))).toMatch(/both set/);
  });
});

describe('ApiKey', () => {
  it('prints as [redacted] however it is printed', () => {
    const key = new ApiKey(SECRET);
    const config = { name: 'groq', apiKey: key };
    for (const text of [JSON.stringify(config), String(key), `${key}`, inspect(config), inspect(key, { showHidden: true })]) {
      expect(text).not.toContain(SECRET);
    }
    expect(key.reveal()).toBe(SECRET);
  });
});

describe('readAiConfig', () => {
  it('has defaults for every cloud AI variable', () => {
    expect(readAiConfig({})).toEqual({
      providers: [],
      deviceRequestsPerMinute: 20,
      deviceRequestsPerDay: 400,
      cacheMaxEntries: 500,
      cacheTtlMs: 3_600_000,
      breakerCooldownMs: 30_000,
    });
  });

  it('reads what is set', () => {
    const config = readAiConfig({
      AI_PROVIDERS: JSON.stringify([groq]),
      AI_DEVICE_REQUESTS_PER_MINUTE: '5',
      AI_DEVICE_REQUESTS_PER_DAY: '50',
      AI_CACHE_MAX_ENTRIES: '0',
      AI_CACHE_TTL_SECONDS: '90',
      AI_BREAKER_COOLDOWN_SECONDS: '2.5',
    });
    expect(config).toMatchObject({ deviceRequestsPerMinute: 5, deviceRequestsPerDay: 50, cacheMaxEntries: 0, cacheTtlMs: 90_000, breakerCooldownMs: 2_500 });
    expect(config.providers.map((provider) => provider.name)).toEqual(['groq']);
  });

  it('stops start-up with a ConfigError naming every problem and no key', () => {
    let error: unknown;
    try {
      readAiConfig({ AI_DEVICE_REQUESTS_PER_MINUTE: 'lots', AI_PROVIDERS: JSON.stringify([{ ...groq, model: '' }]) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Invalid cloud AI settings: AI_DEVICE_REQUESTS_PER_MINUTE: .*; AI_PROVIDERS\[0\]\.model: .*See \.env\.example/);
    expect(message).not.toContain(SECRET);
  });
});
