// The cloud LLM providers the AI gateway may call, from AI_PROVIDERS (inline JSON) or AI_PROVIDERS_FILE,
// checked with zod. Owns: the provider entry's shape, resolving each key (inline or from another env
// var), and keeping the key out of JSON, logs and string formatting. Returns problems instead of
// throwing, so config.ts decides how start-up fails.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const DEFAULT_PROVIDER_TIMEOUT_MS = 20_000;
const MAX_PROVIDERS = 20;

/**
 * A provider key. The value sits in a private field and every way of printing the object prints
 * `[redacted]`, so logging a config or serialising it by accident cannot leak the key.
 */
export class ApiKey {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  /** The key itself: only for the Authorization header of the upstream call. */
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'ApiKey([redacted])';
  }
}

export interface ProviderConfig {
  name: string;
  /** OpenAI-compatible base URL without a trailing slash, e.g. https://api.openai.com/v1. */
  baseUrl: string;
  apiKey: ApiKey;
  model: string;
  /** Requests per UTC day this provider allows us. */
  dailyQuota: number;
  requestsPerMinute: number;
  /** Lower is preferred. */
  priority: number;
  /** No byte (no chunk, for streams) for this long counts as a failure. */
  timeoutMs: number;
}

const providerEntry = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'use 1 to 40 letters, digits, dots, dashes or underscores'),
    baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://api.openai.com/v1' }),
    apiKey: z.string().min(1).optional(),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable')
      .optional(),
    model: z.string().min(1).max(200),
    dailyQuota: z.number().int().positive(),
    requestsPerMinute: z.number().int().positive(),
    priority: z.number().int(),
    timeoutMs: z.number().int().min(100).max(600_000).optional(),
  })
  .refine((entry) => (entry.apiKey === undefined) !== (entry.apiKeyEnv === undefined), {
    message: 'set exactly one of apiKey or apiKeyEnv',
  });

const providerList = z
  .array(providerEntry)
  .max(MAX_PROVIDERS)
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `"${entry.name}" is used twice; names must be unique` });
      seen.add(entry.name);
    });
  });

export interface ProviderSources {
  /** AI_PROVIDERS: the JSON array itself. */
  inline?: string;
  /** AI_PROVIDERS_FILE: a path to a file holding the same JSON array. */
  file?: string;
  /** Where `apiKeyEnv` names are looked up. */
  env: Record<string, string | undefined>;
  readFile?: (path: string) => string;
}

export type ProviderLoad = { ok: true; providers: ProviderConfig[] } | { ok: false; problems: string[] };

/** No source set means no providers: the gateway then answers 503 and clients use the basic engine. */
export function loadProviders(sources: ProviderSources): ProviderLoad {
  const inline = sources.inline?.trim() ? sources.inline : undefined;
  if (inline !== undefined && sources.file) {
    return { ok: false, problems: ['AI_PROVIDERS and AI_PROVIDERS_FILE are both set: keep only one of them'] };
  }
  if (inline === undefined && !sources.file) return { ok: true, providers: [] };

  let label = 'AI_PROVIDERS';
  let text = inline ?? '';
  if (sources.file) {
    label = 'AI_PROVIDERS_FILE';
    try {
      text = (sources.readFile ?? ((path) => readFileSync(path, 'utf8')))(sources.file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      return { ok: false, problems: [`AI_PROVIDERS_FILE: cannot read ${sources.file} (${code}); check the path and its permissions`] };
    }
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // The parser's own message quotes the text around the error, which may be a key: only the position is kept.
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
    return { ok: false, problems: [`${label} is not valid JSON${position ? ` (near character ${position})` : ''}; it must be a JSON array of providers`] };
  }
  return parseProviders(raw, label, sources.env);
}

export function parseProviders(raw: unknown, label: string, env: Record<string, string | undefined>): ProviderLoad {
  const parsed = providerList.safeParse(raw);
  if (!parsed.success) {
    // zod's messages describe types and limits, never the input value, so a key cannot end up here.
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${label}${issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')}: ${issue.message}`),
    };
  }
  const problems: string[] = [];
  const providers: ProviderConfig[] = [];
  parsed.data.forEach((entry, index) => {
    const key = entry.apiKey ?? (entry.apiKeyEnv ? env[entry.apiKeyEnv] : undefined);
    if (!key) {
      problems.push(`${label}[${index}] ("${entry.name}"): apiKeyEnv names ${entry.apiKeyEnv}, which is not set; set it or give apiKey`);
      return;
    }
    providers.push({
      name: entry.name,
      baseUrl: entry.baseUrl.replace(/\/+$/, ''),
      apiKey: new ApiKey(key),
      model: entry.model,
      dailyQuota: entry.dailyQuota,
      requestsPerMinute: entry.requestsPerMinute,
      priority: entry.priority,
      timeoutMs: entry.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS,
    });
  });
  return problems.length ? { ok: false, problems } : { ok: true, providers };
}
