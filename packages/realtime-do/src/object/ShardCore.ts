import { isStale } from "../matching/isStale";
import type { RealtimeCaller, RealtimeEvent, RealtimeExecutor, RealtimeRead } from "../RealtimeExecutor";
import type { KeyRow, SubRow, SubscriptionStore } from "../store/SubscriptionStore";
import { attachmentOf } from "./Attachment";
import { type ResultFrames, resultFrames } from "./encodeResult";
import { type RunFailure, runFailure } from "./errorStatus";
import { hashResult } from "./hashResult";
import type { OpenSocket } from "./SocketRegistry";

/** How the core reaches the object's sockets and alarm (the Durable Object provides them). */
export interface ShardIo<Env> {
  readonly env: Env;
  readonly executor: RealtimeExecutor<Env>;
  readonly store: SubscriptionStore;
  /** The open socket of a connection (and its wire mode), if this object holds one. */
  socket(connectionId: string): OpenSocket | undefined;
  /** A subscription failed for good: tell the socket (and, endpoint-first, close it). */
  fail(ws: WebSocket, subId: string, failure: RunFailure): void;
  /** Makes sure the object wakes by `at` (epoch ms) to finish stale keys. */
  wakeBy(at: number): Promise<void>;
  /** Events within this window are merged into one re-run per key. */
  readonly coalesceMs: number;
}

/** Runs of stale keys the core keeps in flight at once (each is D1 work). */
const RUN_CONCURRENCY = 8;
/** A safety net: a run lost to an eviction is redone by this alarm. */
const BACKSTOP_MS = 2000;

/**
 * The shard's logic, free of the Durable Object class: which keys an event makes stale, single-flight
 * runs per key (an event during a run marks it pending; it runs once more after), the push to each
 * socket only when its result changed, versions, and resume answers.
 *
 * @example
 * const core = new ShardCore(io);
 * await core.publish(events, bookmark);
 */
export class ShardCore<Env> {
  readonly #inFlight = new Map<string, Promise<void>>();
  readonly #pending = new Set<string>();
  /** Parsed reads per key (`null`: the key never ran, so any event may concern it). */
  #reads: Map<string, readonly RealtimeRead[] | null> | undefined;

  constructor(private readonly io: ShardIo<Env>) {}

  /** Committed events: marks every key they can affect stale, then re-runs (now, or after `coalesceMs`). */
  async publish(events: readonly RealtimeEvent[], bookmark: string | undefined): Promise<void> {
    const stale: string[] = [];
    for (const [key, reads] of this.readsByKey()) {
      if (reads === null || events.some((event) => isStale(this.io.executor.model, reads, event)))
        stale.push(key);
    }
    if (stale.length === 0) return;
    for (const key of stale) {
      this.io.store.markDirty(key, bookmark);
      if (this.#inFlight.has(key)) this.#pending.add(key);
    }
    await this.io.wakeBy(Date.now() + (this.io.coalesceMs > 0 ? this.io.coalesceMs : BACKSTOP_MS));
    if (this.io.coalesceMs === 0) await this.flush();
  }

  /** Re-runs every stale key (the alarm calls this; so does `publish` without coalescing). */
  async flush(): Promise<void> {
    const queue = this.io.store.dirtyKeys();
    const worker = async () => {
      for (let key = queue.shift(); key !== undefined; key = queue.shift()) await this.run(key);
    };
    await Promise.all(Array.from({ length: Math.min(RUN_CONCURRENCY, queue.length) }, worker));
  }

  /**
   * Adds a socket subscription. An existing key answers from its stored result at once
   * (`query:current` when `knownHash` equals it); a new key runs first.
   */
  async subscribe(
    ws: WebSocket,
    sub: { connId: string; subId: string; queryName: string; args: unknown; key: string },
    caller: RealtimeCaller | null,
    knownHash: string | null,
  ): Promise<void> {
    const { store } = this.io;
    const previous = store.removeSub(sub.connId, sub.subId);
    if (previous !== undefined && previous !== sub.key) this.dropIfUnused(previous);
    store.ensureKey({
      key: sub.key,
      queryName: sub.queryName,
      args: JSON.stringify(sub.args ?? {}),
      userId: caller?.user.id ?? null,
      caller: caller === null ? null : JSON.stringify(caller),
    });
    store.addSub(sub.connId, sub.subId, sub.key, knownHash);
    this.readsByKey();
    if (!this.#reads!.has(sub.key)) this.#reads!.set(sub.key, null);
    const row = store.key(sub.key)!;
    if (row.version > 0 && row.hash !== null && row.data !== null) {
      const open = { ws, mode: attachmentOf(ws)?.mode ?? "multiplexed" } as const;
      if (this.deliver(open, row, store.sub(sub.connId, sub.subId)!, resultFrames(row)))
        store.setSent(sub.connId, sub.subId, row.hash);
    }
    const running = this.#inFlight.get(sub.key);
    // A run in flight serves this socket when it commits (and reruns if an event made it stale).
    if (running !== undefined) await running;
    else if (row.version === 0 || row.dirty) await this.run(sub.key);
  }

  /** Drops one socket subscription (and its key when nobody else listens). */
  unsubscribe(connId: string, subId: string): void {
    const key = this.io.store.removeSub(connId, subId);
    if (key !== undefined) this.dropIfUnused(key);
  }

  /** Forgets a closed socket. */
  dropConnection(connId: string): void {
    for (const key of this.io.store.removeConnection(connId)) this.dropIfUnused(key);
  }

  /** Runs a key, single-flight: a call while it runs only marks it pending and waits for the rerun. */
  run(key: string): Promise<void> {
    const running = this.#inFlight.get(key);
    if (running !== undefined) {
      this.#pending.add(key);
      return running;
    }
    const promise = this.runLoop(key).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, promise);
    return promise;
  }

  private async runLoop(key: string): Promise<void> {
    do {
      this.#pending.delete(key);
      const row = this.io.store.key(key);
      if (row === undefined) return;
      let json: string;
      let reads: readonly RealtimeRead[];
      try {
        const caller = row.caller === null ? null : (JSON.parse(row.caller) as RealtimeCaller);
        const result = await this.io.executor.runQuery(row.queryName, JSON.parse(row.args), {
          env: this.io.env,
          caller,
          ...(row.bookmark === null ? {} : { bookmark: row.bookmark }),
        });
        json = JSON.stringify(result.data) ?? "null";
        reads = result.readSet.reads;
      } catch (error) {
        this.failKey(key, runFailure(error));
        return;
      }
      const hash = await hashResult(json);
      this.commit(key, json, hash, reads);
    } while (this.#pending.has(key));
  }

  /** Stores a finished run and pushes it; synchronous, so no subscribe interleaves half-way. */
  private commit(key: string, json: string, hash: string, reads: readonly RealtimeRead[]): void {
    const { store } = this.io;
    const row = store.key(key);
    if (row === undefined) return;
    const changed = row.hash !== hash || row.data !== json;
    const version = changed || row.version === 0 ? store.nextVersion() : row.version;
    const readsJson = JSON.stringify(reads);
    const stillDirty = this.#pending.has(key);
    store.commitRun(key, { hash, data: json, reads: readsJson, version, stillDirty });
    this.#reads?.set(key, reads);
    const updated: KeyRow = { ...row, hash, data: json, reads: readsJson, version, dirty: stillDirty };
    // Frames are encoded once per run and shared by every socket (and every equal subscription id).
    const frames = resultFrames(updated);
    const subs = store.subsOfKey(key);
    const missed: SubRow[] = [];
    let sent = 0;
    for (const sub of subs) {
      if (sub.sentHash === hash) continue;
      const open = this.io.socket(sub.connId);
      if (open !== undefined && this.deliver(open, updated, sub, frames)) sent++;
      else missed.push(sub);
    }
    if (sent === 0) return;
    // One write for the whole fan-out when every socket took it (the usual case), else per socket.
    if (missed.length === 0) store.setSentForKey(key, hash);
    else
      for (const sub of subs)
        if (sub.sentHash !== hash && !missed.includes(sub)) store.setSent(sub.connId, sub.subId, hash);
  }

  /**
   * Sends a key's current result to one socket subscription unless it already holds it (the caller
   * records what was sent). Whether the socket now holds it.
   */
  private deliver(open: OpenSocket, row: KeyRow, sub: SubRow, frames: ResultFrames): boolean {
    if (row.hash === null || row.data === null) return false;
    if (sub.sentHash === row.hash) return true;
    let frame: string;
    if (open.mode === "endpoint") frame = frames.endpointUpdate;
    else if (sub.sentHash === null && sub.knownHash === row.hash) frame = frames.current(sub.subId);
    else frame = frames.update(sub.subId);
    try {
      open.ws.send(frame);
    } catch {
      return false; // Closing socket: its close handler forgets it.
    }
    return true;
  }

  private failKey(key: string, failure: RunFailure): void {
    const subs = this.io.store.subsOfKey(key);
    this.io.store.deleteKey(key);
    this.#reads?.delete(key);
    this.#pending.delete(key);
    for (const sub of subs) {
      const open = this.io.socket(sub.connId);
      if (open !== undefined) this.io.fail(open.ws, sub.subId, failure);
    }
  }

  private dropIfUnused(key: string): void {
    if (this.io.store.dropKeyIfUnused(key)) {
      this.#reads?.delete(key);
      this.#pending.delete(key);
    }
  }

  private readsByKey(): Map<string, readonly RealtimeRead[] | null> {
    if (this.#reads === undefined) {
      this.#reads = new Map();
      for (const { key, reads } of this.io.store.keysWithReads()) {
        this.#reads.set(key, reads === null ? null : (JSON.parse(reads) as RealtimeRead[]));
      }
    }
    return this.#reads;
  }
}
