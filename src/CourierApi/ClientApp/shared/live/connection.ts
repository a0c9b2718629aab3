import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection, type IHttpConnectionOptions } from "@microsoft/signalr";
import { ForeverRetryPolicy } from "./retryPolicy";

export type LiveStatus = "connecting" | "live" | "paused";

interface Subscription {
  join: string;
  leave: string;
  args: unknown[];
}

/**
 * One connection per hub, shared by every component of the page. It reconnects forever (jittered back-off),
 * re-joins every group after a reconnect (the server forgets them), calls `onResync` so snapshot queries reload,
 * and restarts after a close or when the browser comes back online.
 */
export class LiveHub {
  private readonly connection: HubConnection;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  private readonly resyncListeners = new Set<() => void>();
  private readonly errorListeners = new Set<(error: unknown) => void>();
  private statusValue: LiveStatus = "connecting";
  private starting: Promise<void> | null = null;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private readonly retry = new ForeverRetryPolicy();

  /** `options.accessTokenFactory` for callers signed in by a token (the courier's tablet) rather than the cookie. */
  constructor(public readonly path: string, options: Pick<IHttpConnectionOptions, "accessTokenFactory"> = {}) {
    this.connection = new HubConnectionBuilder()
      .withUrl(path, { withCredentials: true, ...options })
      .withAutomaticReconnect(this.retry)
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.onreconnecting(() => this.setStatus("paused"));
    this.connection.onreconnected(() => void this.rejoin());
    this.connection.onclose(() => {
      this.setStatus("paused");
      this.scheduleRestart();
    });
    if (typeof window !== "undefined") {
      window.addEventListener("online", () => this.scheduleRestart(0));
    }
  }

  get status(): LiveStatus {
    return this.statusValue;
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Called after every reconnect: reload what may have been missed. */
  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  /** Called when starting the connection fails, e.g. with a 401 once the token is revoked. */
  onStartError(listener: (error: unknown) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Starts the connection (and keeps it up) without joining a group: hubs that put the caller in its groups themselves. */
  connect(): Promise<void> {
    return this.ensureStarted();
  }

  /** Calls a hub method and returns its result; throws when the hub is not connected or the call fails. */
  async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    await this.ensureStarted();
    if (this.connection.state !== HubConnectionState.Connected) {
      throw new Error("not connected");
    }
    return this.connection.invoke<T>(method, ...args);
  }

  /** Listens to a server method; returns the unsubscribe function. */
  on<T>(method: string, handler: (message: T) => void): () => void {
    const h = (message: T) => handler(message);
    this.connection.on(method, h);
    return () => this.connection.off(method, h);
  }

  /** Joins a group now and after every reconnect, e.g. `join("WatchDepot", "UnwatchDepot", depotId)`. */
  join(join: string, leave: string, ...args: unknown[]): () => void {
    const key = join + ":" + JSON.stringify(args);
    this.subscriptions.set(key, { join, leave, args });
    void this.ensureStarted().then(() => this.invokeQuietly(join, args));
    return () => {
      this.subscriptions.delete(key);
      if (this.connection.state === HubConnectionState.Connected) {
        void this.invokeQuietly(leave, args);
      }
    };
  }

  private ensureStarted(): Promise<void> {
    if (this.connection.state === HubConnectionState.Connected) {
      return Promise.resolve();
    }
    if (this.starting) {
      return this.starting;
    }
    if (this.connection.state !== HubConnectionState.Disconnected) {
      return Promise.resolve(); // reconnecting: rejoin() runs when it is back
    }
    this.setStatus(this.attempts === 0 ? "connecting" : "paused");
    this.starting = this.connection
      .start()
      .then(() => {
        this.attempts = 0;
        this.setStatus("live");
      })
      .catch((error: unknown) => {
        this.errorListeners.forEach((l) => l(error));
        this.setStatus("paused");
        this.scheduleRestart();
      })
      .finally(() => {
        this.starting = null;
      });
    return this.starting;
  }

  private scheduleRestart(delay?: number): void {
    clearTimeout(this.restartTimer);
    const wait = delay ?? this.retry.nextRetryDelayInMilliseconds({ previousRetryCount: this.attempts++, elapsedMilliseconds: 0, retryReason: new Error("closed") });
    this.restartTimer = setTimeout(() => {
      void this.ensureStarted().then(() => {
        if (this.connection.state === HubConnectionState.Connected) {
          return this.rejoin();
        }
      });
    }, wait);
  }

  private async rejoin(): Promise<void> {
    this.setStatus("live");
    await Promise.all([...this.subscriptions.values()].map((s) => this.invokeQuietly(s.join, s.args)));
    this.resyncListeners.forEach((l) => l());
  }

  private async invokeQuietly(method: string, args: unknown[]): Promise<void> {
    try {
      await this.connection.invoke(method, ...args);
    } catch {
      // A failed join is retried by the next reconnect; the banner already says live updates are paused.
    }
  }

  private setStatus(status: LiveStatus): void {
    if (status !== this.statusValue) {
      this.statusValue = status;
      this.statusListeners.forEach((l) => l(status));
    }
  }
}

const hubs = new Map<string, LiveHub>();

/** The page's one connection to a hub (`options` apply when the first caller creates it). */
export function liveHub(path: string, options?: ConstructorParameters<typeof LiveHub>[1]): LiveHub {
  let hub = hubs.get(path);
  if (!hub) {
    hub = new LiveHub(path, options);
    hubs.set(path, hub);
  }
  return hub;
}
