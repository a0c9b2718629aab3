import { useTranslation } from "react-i18next";
import { $api } from "../../shared/api/client";
import { useMe } from "../../shared/auth/session";
import { localDate } from "../../shared/i18n/format";
import { now } from "../../shared/time/clock";
import { AppShell } from "../../shared/ui/AppShell";
import { useUrlState } from "../../shared/url/useUrlState";
import { PeriodPicker } from "./PeriodPicker";
import { readPeriod } from "./period";
import type { StopQuery } from "./stopQuery";
import { RatePanel } from "./features/window-hits/RatePanel";
import { Breakdowns } from "./features/window-hits/Breakdowns";
import { CausesPanel } from "./features/causes/CausesPanel";
import { PlanDiffPanel } from "./features/planned-vs-actual/PlanDiffPanel";
import { StopsPanel } from "./features/stops/StopsPanel";
import { StopStoryPanel } from "./features/stops/StopStoryPanel";
import styles from "./InsightsPage.module.css";

const filterKeys = ["date", "courierId", "zone", "slot", "hour", "weekday", "result", "cause"] as const;

/** The analyst's page: the window-hit rate, why the misses happened, breakdowns, and the stops behind every number. */
export function InsightsPage() {
  const { t } = useTranslation("insights");
  const me = useMe();
  const [params, setParams] = useUrlState();
  const depots = $api.useQuery("get", "/api/v1/depots");
  const depotParam = params.get("depot");
  const depot = depots.data?.find((d) => String(d.id) === depotParam) ?? (depots.data?.length === 1 ? depots.data[0] : undefined);
  const timeZone = depot?.timeZone ?? depots.data?.[0]?.timeZone ?? "UTC";
  const period = readPeriod(params, localDate(now(), timeZone));
  const query = { from: period.from, to: period.to, ...(depot ? { depotId: depot.id } : {}) };
  const enabled = !!me.data && depots.isSuccess;
  const summary = $api.useQuery("get", "/api/v1/insights/summary", { params: { query } }, { enabled });
  const causes = $api.useQuery("get", "/api/v1/insights/causes", { params: { query } }, { enabled });
  const pva = $api.useQuery("get", "/api/v1/insights/planned-vs-actual", { params: { query } }, { enabled });

  const filter: StopQuery = {};
  for (const k of filterKeys) {
    const v = params.get(k);
    if (v !== null) (filter as Record<string, string>)[k] = v;
  }
  const drill = Object.keys(filter).length > 0;
  const route = params.get("route");
  const order = params.get("order");
  const clearFilter = Object.fromEntries(filterKeys.map((k) => [k, null])) as Record<string, null>;
  const drillDown = (q: StopQuery) => {
    setParams({ ...clearFilter, ...q, page: null, route: null, order: null });
    requestAnimationFrame(() => document.getElementById("stops")?.scrollIntoView({ block: "start" }));
  };

  const controls = (
    <div className={styles.controls}>
      <PeriodPicker period={period} today={localDate(now(), timeZone)} onChange={(p) => setParams({ from: p.from, to: p.to, page: null })} />
      {depots.data && depots.data.length > 1 && (
        <label className={styles.depot}>
          <span className="visually-hidden">{t("depot")}</span>
          <select value={depot ? String(depot.id) : ""} onChange={(e) => setParams({ depot: e.target.value || null, page: null })}>
            <option value="">{t("allDepots")}</option>
            {depots.data.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
      )}
    </div>
  );

  return (
    <AppShell user={me.data}>
      <main className={styles.page}>
        <div className={styles.toolbar}>
          <h1 className={styles.title}>{t("title")}</h1>
          {controls}
        </div>
        {(summary.isError || causes.isError) && <p role="alert" className={styles.error}>{t("loadFailed")}</p>}
        <RatePanel summary={summary.data} loading={summary.isPending} onDrill={drillDown} />
        <CausesPanel causes={causes.data} loading={causes.isPending} onDrill={drillDown} />
        <Breakdowns summary={summary.data} depots={depots.data ?? []} onDrill={drillDown} />
        <PlanDiffPanel data={pva.data} />
        {drill && (
          <StopsPanel query={query} filter={filter} page={Number(params.get("page") ?? "1") || 1}
            onPage={(p) => setParams({ page: String(p) }, true)} onClear={() => setParams({ ...clearFilter, page: null })}
            onStop={(r, o) => setParams({ route: String(r), order: String(o) })} />
        )}
        {route && order && <StopStoryPanel routeId={Number(route)} orderId={Number(order)} onClose={() => setParams({ route: null, order: null })} />}
      </main>
    </AppShell>
  );
}
