import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, ObservabilityConfigError, readObservabilityConfig } from './observability-config.ts';

describe('readObservabilityConfig', () => {
  it('has defaults: no token, the budget from provider quotas, the default thresholds', () => {
    expect(readObservabilityConfig({})).toEqual({ thresholds: DEFAULT_THRESHOLDS });
  });

  it('reads the token, the budget and every threshold', () => {
    expect(
      readObservabilityConfig({
        METRICS_TOKEN: 'x'.repeat(24),
        AI_DAILY_BUDGET_CALLS: '500',
        ALERT_ERROR_RATE: '0.02',
        ALERT_P95_MS: '750',
        ALERT_CLOUD_BUDGET_SHARE: '0.9',
        ALERT_STORAGE_BYTES: '1000000',
      }),
    ).toEqual({ metricsToken: 'x'.repeat(24), aiDailyBudgetCalls: 500, thresholds: { errorRate: 0.02, p95Ms: 750, cloudBudgetShare: 0.9, storageBytes: 1_000_000 } });
  });

  it('names each bad variable and says where to look', () => {
    expect(() => readObservabilityConfig({ ALERT_ERROR_RATE: '5', METRICS_TOKEN: 'short' })).toThrow(ObservabilityConfigError);
    expect(() => readObservabilityConfig({ ALERT_ERROR_RATE: '5' })).toThrow(/ALERT_ERROR_RATE.*\.env\.example/);
    expect(() => readObservabilityConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
    expect(() => readObservabilityConfig({ ALERT_P95_MS: 'fast' })).toThrow(/ALERT_P95_MS/);
  });
});
