// The operator dashboard, for admins: the organisation's interviews and devices, and the server's cache,
// cloud budget and providers, request errors and latency, and storage, each beside its alert threshold.
// Refreshes every 10 seconds while the tab is visible.
import { createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import type { OperatorDashboard } from '../../sync-server/protocol/operator-dashboard.ts';
import { intlLocale, t } from '../i18n/i18n.ts';
import { DayColumns, HorizontalBars } from './DashboardCharts.tsx';
import { fetchDashboard } from './dashboard-client.ts';
import { problemText } from './problem-text.ts';
import './dashboard.css';

const REFRESH_MS = 10_000;

const percent = (share: number | null) =>
  share === null ? t('dashboard:none') : new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(share);
const count = (value: number) => new Intl.NumberFormat(intlLocale()).format(value);
const ms = (value: number | null) => (value === null ? t('dashboard:none') : t('dashboard:ms', { value: new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 0 }).format(value) }));

function bytes(value: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let unit = 0;
  let scaled = value;
  while (scaled >= 1024 && unit < units.length - 1) {
    scaled /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(intlLocale(), { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(scaled);
}

function Figure(props: { id: string; label: string; value: string; threshold?: string; over?: boolean; note?: string }) {
  return (
    <div class="dashboard-figure" classList={{ 'dashboard-figure-over': props.over === true }} data-figure={props.id}>
      <dt>{props.label}</dt>
      <dd>
        <span class="dashboard-figure-value">{props.value}</span>
        <Show when={props.note}>
          <span class="muted small">{props.note}</span>
        </Show>
        <Show when={props.threshold}>
          <span class="small muted dashboard-threshold">{t('dashboard:threshold', { value: props.threshold })}</span>
        </Show>
        <Show when={props.over}>
          <strong class="dashboard-over">
            <span aria-hidden="true">▲ </span>
            {t('dashboard:overThreshold')}
          </strong>
        </Show>
      </dd>
    </div>
  );
}

function Section(props: { id: string; title: string; intro: string; children: JSX.Element }) {
  return (
    <section class="card stack" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <p class="muted">{props.intro}</p>
      {props.children}
    </section>
  );
}

function Figures(props: { data: OperatorDashboard }) {
  const d = () => props.data;
  const dayLabel = (day: string) => new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const routeBars = () =>
    d().server.requests.routes
      .filter((route) => route.p95Ms !== null)
      .slice(0, 12)
      .map((route) => ({ label: `${route.method} ${route.route}`, value: route.p95Ms!, display: ms(route.p95Ms), over: route.overThreshold }));
  const providerBars = () =>
    d().server.cloud.providers.map((provider) => {
      const share = provider.dailyQuota > 0 ? provider.callsToday / provider.dailyQuota : 0;
      return { label: provider.name, value: share, display: `${percent(share)} (${count(provider.callsToday)} / ${count(provider.dailyQuota)})`, over: share > d().thresholds.cloudBudgetShare };
    });
  return (
    <>
      <Section id="dashboard-org" title={t('dashboard:org.heading')} intro={t('dashboard:org.intro')}>
        <dl class="dashboard-figures">
          <Figure id="interviews-today" label={t('dashboard:org.interviewsToday')} value={count(d().org.interviewsToday.started)} />
          <Figure id="completed-today" label={t('dashboard:org.completedToday')} value={count(d().org.interviewsToday.completed)} />
          <Figure id="active-devices" label={t('dashboard:org.activeDay')} value={count(d().org.devices.activeDay)} note={t('dashboard:org.ofDevices', { count: d().org.devices.total })} />
          <Figure id="active-devices-week" label={t('dashboard:org.activeWeek')} value={count(d().org.devices.activeWeek)} />
        </dl>
        <DayColumns
          title={t('dashboard:org.perDay')}
          summary={t('dashboard:org.perDaySummary', {
            days: d().org.interviewsPerDay.length,
            started: d().org.interviewsPerDay.reduce((sum, day) => sum + day.started, 0),
            completed: d().org.interviewsPerDay.reduce((sum, day) => sum + day.completed, 0),
          })}
          days={d().org.interviewsPerDay}
          dayLabel={dayLabel}
        />
      </Section>

      <Section id="dashboard-server" title={t('dashboard:server.heading')} intro={t('dashboard:server.intro')}>
        <dl class="dashboard-figures">
          <Figure
            id="cache-hit-rate"
            label={t('dashboard:server.cacheHitRate')}
            value={percent(d().server.questionCache.hitRate)}
            note={t('dashboard:server.cacheLookups', { hits: count(d().server.questionCache.hits), misses: count(d().server.questionCache.misses) })}
          />
          <Figure
            id="cloud-budget"
            label={t('dashboard:server.cloudCalls')}
            value={t('dashboard:server.ofBudget', { calls: count(d().server.cloud.callsToday), budget: count(d().server.cloud.dailyBudget) })}
            note={d().server.cloud.budgetSource === 'env' ? t('dashboard:server.budgetFromEnv') : t('dashboard:server.budgetFromQuotas')}
            threshold={percent(d().thresholds.cloudBudgetShare)}
            over={d().server.cloud.overThreshold}
          />
          <Figure
            id="error-rate"
            label={t('dashboard:server.errorRate')}
            value={percent(d().server.requests.errorRate)}
            note={t('dashboard:server.errorCounts', { serverErrors: count(d().server.requests.serverErrors), clientErrors: count(d().server.requests.clientErrors), total: count(d().server.requests.total) })}
            threshold={percent(d().thresholds.errorRate)}
            over={d().server.requests.overThreshold}
          />
          <Figure id="storage" label={t('dashboard:server.storage')} value={bytes(d().server.storage.bytes)} threshold={bytes(d().thresholds.storageBytes)} over={d().server.storage.overThreshold} />
        </dl>
        <p class="muted small">{t('dashboard:server.requestsSince', { time: new Date(d().server.requests.since).toLocaleString(intlLocale()) })}</p>
        <HorizontalBars
          title={t('dashboard:server.latencyTitle')}
          summary={t('dashboard:server.latencySummary', { routes: routeBars().length, over: routeBars().filter((bar) => bar.over).length, threshold: ms(d().thresholds.p95Ms) })}
          bars={routeBars()}
          threshold={{ value: d().thresholds.p95Ms, label: t('dashboard:threshold', { value: ms(d().thresholds.p95Ms) }) }}
          headers={[t('dashboard:server.route'), t('dashboard:server.p95')]}
          empty={t('dashboard:server.noRequests')}
        />
        <HorizontalBars
          title={t('dashboard:server.providersTitle')}
          summary={t('dashboard:server.providersSummary', { count: providerBars().length })}
          bars={providerBars()}
          max={1}
          threshold={{ value: d().thresholds.cloudBudgetShare, label: t('dashboard:threshold', { value: percent(d().thresholds.cloudBudgetShare) }) }}
          headers={[t('dashboard:server.provider'), t('dashboard:server.quotaUsed')]}
          empty={t('dashboard:server.noProviders')}
        />
        <Show when={d().server.cloud.providers.length > 0}>
          <ul class="dashboard-providers">
            <For each={d().server.cloud.providers}>
              {(provider) => (
                <li>
                  <strong>{provider.name}</strong>: {t(`dashboard:health.${provider.health}`)} ·{' '}
                  {t('dashboard:server.providerDetail', { latency: ms(provider.latencyMs), minute: count(provider.callsThisMinute), perMinute: count(provider.requestsPerMinute), failed: count(provider.failed) })}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Section>
    </>
  );
}

export default function DashboardPage() {
  // Signals rather than a resource: a failed refresh keeps the last figures on screen beside the error.
  const [data, setData] = createSignal<OperatorDashboard | null>(null);
  const [problem, setProblem] = createSignal<unknown>(null);
  let loading = false;
  const load = async () => {
    if (loading) return;
    loading = true;
    try {
      setData(await fetchDashboard());
      setProblem(null);
    } catch (error) {
      setProblem(error);
    } finally {
      loading = false;
    }
  };
  onMount(() => {
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    onCleanup(() => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    });
  });
  const updated = () => {
    const current = data();
    return current ? new Date(current.generatedAt).toLocaleTimeString(intlLocale()) : null;
  };

  return (
    <div class="stack dashboard">
      <div class="row spread">
        <h1>{t('dashboard:title')}</h1>
        <button type="button" class="button button-small" onClick={() => void load()}>
          {t('dashboard:refresh')}
        </button>
      </div>
      <p class="muted">{t('dashboard:intro')}</p>
      <p class="small muted" role="status" data-testid="dashboard-updated">
        {updated() ? t('dashboard:updated', { time: updated() }) : t('dashboard:loading')}
      </p>
      <Show when={problem()}>
        <p class="error" role="alert">
          {problemText(problem())}
        </p>
      </Show>
      <Show when={data()}>{(current) => <Figures data={current()} />}</Show>
    </div>
  );
}
