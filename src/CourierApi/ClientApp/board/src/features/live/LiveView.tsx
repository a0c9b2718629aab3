import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "../../../../shared/i18n/format";
import { useBoard } from "../../context";
import panel from "../../ui/Panel.module.css";
import { AlertQueue, type AlertAction } from "./AlertQueue";
import { CourierStops } from "./CourierStops";
import { CourierTable } from "./CourierTable";
import { isStale, stateColour } from "./liveGeometry";
import { LiveMap } from "./LiveMap";
import { MoveStopDialog } from "./MoveStopDialog";
import { PaperOutcomesDialog } from "./PaperOutcomesDialog";
import { ReplanDialog } from "./ReplanDialog";
import { ReplayBar, ReplayLayers, useReplay } from "./Replay";
import { StopStoryDialog } from "./StopStoryDialog";
import { Button } from "../../../../shared/ui/Button";
import { useLiveDay } from "./useLiveDay";
import styles from "./Live.module.css";

/** The dispatcher's delivery day: every courier on the map and in a row, the alerts queue with actions, a stop's story. */
export function LiveView() {
  const { t } = useTranslation("board");
  const board = useBoard();
  const { query, day, serverNow } = useLiveDay(board.date);
  const [now, setNow] = useState(() => new Date());
  const [selected, setSelected] = useState<number | null>(null);
  const [move, setMove] = useState<number | null>(null);
  const [paper, setPaper] = useState<number | null>(null);
  const [story, setStory] = useState<number | null>(null);
  const [replan, setReplan] = useState(false);
  const [replayOn, setReplayOn] = useState(false);
  const [replayAt, setReplayAt] = useState<number | null>(null);
  const replay = useReplay(board.date, replayOn);
  useEffect(() => {
    setNow(serverNow());
    const timer = setInterval(() => setNow(serverNow()), 10_000);
    return () => clearInterval(timer);
    // serverNow reads the latest snapshot's clock
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [day?.now]);

  if (query.isPending) return <p className={styles.empty} role="status">{t("loading")}</p>;
  if (!day) return <p className={[panel.error, styles.message].join(" ")} role="alert">{t("live.failed")}</p>;
  if (day.couriers.length === 0) return <p className={[panel.panel, styles.message, styles.empty].join(" ")}>{t("live.nothingPublished")}</p>;

  const onAction = (a: AlertAction) => {
    if (a.kind === "moveStop") setMove(a.alert.orderId ?? null);
    if (a.kind === "paperOutcomes") setPaper(a.alert.routeId ?? null);
    if (a.kind === "story") setStory(a.alert.orderId ?? null);
    if (a.kind === "replan") setReplan(true);
  };
  const behind = day.couriers.filter((c) => (c.behindMinutes ?? 0) > 5).length;
  const stale = day.couriers.filter((c) => isStale(c, now, day.silentAfterMinutes)).length;
  const atRisk = day.couriers.reduce((n, c) => n + c.stops.filter((s) => s.state === "atRisk").length, 0);
  const done = day.couriers.reduce((n, c) => n + c.done, 0);
  const total = day.couriers.reduce((n, c) => n + c.done + c.remaining, 0);
  const chosen = day.couriers.find((c) => c.courierId === selected);

  return (
    <div className={styles.layout}>
      <div className={styles.bar}>
        <h2>{day.live ? t("live.title") : t("live.titlePast")}</h2>
        <span className={styles.totals}>
          <span><strong>{done}</strong> / {total} {t("live.stopsDone")}</span>
          <span><strong>{behind}</strong> {t("live.couriersBehind")}</span>
          <span><strong className={atRisk > 0 ? styles.lateText : undefined}>{atRisk}</strong> {t("live.windowsAtRisk")}</span>
          <span><strong className={stale > 0 ? styles.lateText : undefined}>{stale}</strong> {t("live.tabletsSilent")}</span>
        </span>
        <span className={styles.spacer} />
        <span className={styles.legend} aria-label={t("live.legend")}>
          {(["done", "next", "open", "atRisk", "failed"] as const).map((s) => (
            <span key={s}><span className={styles.legendDot} style={{ background: stateColour[s] }} aria-hidden="true" />{t(`live.state.${s}`)}</span>
          ))}
        </span>
        <Button small aria-pressed={replayOn} onClick={() => { setReplayOn(!replayOn); setReplayAt(null); }}>{replayOn ? t("live.replayStop") : t("live.replay")}</Button>
        {board.editable && day.live && <Button small onClick={() => setReplan(true)}>{t("live.replanButton")}</Button>}
        <span className={panel.muted} role="status">{t("live.asOf", { at: formatTime(now, board.locale, board.zone), minutes: day.silentAfterMinutes })}</span>
      </div>
      <div className={styles.side}>
        <AlertQueue day={day} onAction={onAction} />
        {chosen && <CourierStops courier={chosen} onStory={setStory} onClose={() => setSelected(null)} />}
        <section className={panel.panel} aria-labelledby="live-couriers">
          <div className={styles.sectionHead}><h2 id="live-couriers">{t("live.couriers")}</h2></div>
          <CourierTable day={day} now={now} selected={selected} onSelect={setSelected} />
        </section>
      </div>
      <div className={styles.mapArea}>
        {replayOn && replay.data && <ReplayBar replay={replay.data} at={replayAt ?? Date.parse(replay.data.to ?? day.now)} onAt={setReplayAt} />}
        <LiveMap day={day} now={now} selected={selected} onSelectCourier={setSelected}
          replay={replayOn && replay.data ? <ReplayLayers replay={replay.data} day={day} at={replayAt ?? Date.parse(replay.data.to ?? day.now)} /> : undefined} />
      </div>
      <MoveStopDialog day={day} orderId={move} onClose={() => setMove(null)} />
      <PaperOutcomesDialog day={day} routeId={paper} now={now} onClose={() => setPaper(null)} />
      <StopStoryDialog day={day} orderId={story} onClose={() => setStory(null)} />
      <ReplanDialog open={replan} date={day.date} onClose={() => setReplan(false)} />
    </div>
  );
}
