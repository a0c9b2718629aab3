import { useCallback, useEffect, useState } from "react";
import { api, queryClient, type Schemas } from "../../../../shared/api/client";
import { describeProblem } from "../../../../shared/api/problem";
import { useHubGroup } from "../../../../shared/live/useLive";
import { useBoard } from "../../context";

type Job = Schemas["JobResponse"];
type JobUpdate = { jobId: number; depotId: number; date: string; status: string; progress: Schemas["JobProgress"] | null; resultVersionId: number | null };
export type CostPoint = { elapsed: number; cost: number };

const finished = (status: string) => status === "succeeded" || status === "failed" || status === "cancelled";

/** A planning job of this depot and date: start, cancel, and its live progress from /hubs/planning (polling as a fallback). */
export function usePlanningJob() {
  const { depot, date } = useBoard();
  const [job, setJob] = useState<Job | null>(null);
  const [history, setHistory] = useState<CostPoint[]>([]);
  const [error, setError] = useState<string | null>(null);

  const apply = useCallback((update: Partial<Job> & { id: number; status: string }) => {
    setJob((j) => (j && j.id !== update.id ? j : ({ ...(j ?? {}), ...update } as Job)));
    const p = update.progress;
    if (p?.bestCost != null) {
      setHistory((h) => (h.length > 0 && h[h.length - 1]!.elapsed >= p.elapsedSeconds ? h : [...h, { elapsed: p.elapsedSeconds, cost: p.bestCost! }]));
    }
    if (finished(update.status)) {
      void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/depots/{depotId}/plans/{date}"] });
      void queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/depots/{depotId}/orders"] });
    }
  }, []);

  useHubGroup<JobUpdate>("/hubs/planning", { join: "WatchDepot", leave: "UnwatchDepot", args: [depot.id] }, "jobUpdate", (u) => {
    if (u.date === date) apply({ id: u.jobId, status: u.status, progress: u.progress, resultVersionId: u.resultVersionId });
  }, () => job && void refresh(job.id));

  async function refresh(id: number) {
    const { data } = await api.GET("/api/v1/planning-jobs/{jobId}", { params: { path: { jobId: id } } });
    if (data) apply(data);
  }

  // The hub pushes progress; a slow poll covers a dropped connection.
  useEffect(() => {
    if (!job || finished(job.status)) return;
    const timer = setInterval(() => void refresh(job.id), 3000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job?.id, job?.status]);

  async function start(timeLimitSeconds: number) {
    setError(null);
    setHistory([]);
    const { data, error: problem, response } = await api.POST("/api/v1/depots/{depotId}/plans", {
      params: { path: { depotId: depot.id }, query: { date, timeLimitSeconds } },
    });
    if (response.status === 409 && problem && typeof problem === "object" && "jobId" in problem) {
      await refresh(Number((problem as { jobId: number }).jobId));
      return;
    }
    if (!response.ok || !data) {
      setError(describeProblem(problem, "Planning could not start"));
      return;
    }
    setJob(data);
  }

  async function cancel() {
    if (job) await api.POST("/api/v1/planning-jobs/{jobId}/cancel", { params: { path: { jobId: job.id } } });
  }

  return { job, history, error, start, cancel, running: job !== null && !finished(job.status), dismiss: () => setJob(null) };
}
