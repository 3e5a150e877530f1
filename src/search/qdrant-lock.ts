/**
 * One ingest at a time per alias, across processes (the bot's /reload, `npm run ingest`, a second server): two
 * ingests running together each deleted the "older" collections when they finished — including the one the other
 * had just pointed the alias to — and every question then found nothing.
 *
 * Qdrant has no lock of its own, but creating a collection is atomic on the server (it holds a creation lock and
 * refuses an existing name with 409), so the lock is a collection, `<alias>_lock`, holding one point with the owner
 * and an expiry. The owner renews the expiry while it works; a lock whose owner died expires and is taken over.
 * Taking over an expired lock deletes and re-creates the collection: two processes doing so at the same instant
 * could both believe they won, which is why the owner checks it still holds the lock right before the alias switch.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { QdrantClient } from "@qdrant/js-client-rest";
import type { Logger } from "pino";

/** Tuning, in one place. */
export const INGEST_LOCK = {
  /** A lock not renewed for this long is abandoned (its owner died): long enough for a stalled disk or network. */
  ttlMs: 120_000,
  /** How long an ingest waits for another one to finish before giving up with a message. */
  waitMs: 10 * 60_000,
  /** How often a waiting ingest looks at the lock again. */
  pollMs: 2_000,
} as const;

const LOCK_POINT = 1;

export interface IngestLockOptions {
  ttlMs?: number;
  waitMs?: number;
  pollMs?: number;
}

interface LockPayload {
  owner: string;
  expiresAt: number;
}

/** Another ingest holds the lock for longer than we may wait. */
export class IngestBusyError extends Error {
  override readonly name = "IngestBusyError";
  readonly retryable = true;
}

export class IngestLock {
  readonly name: string;
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly ttlMs: number;
  private readonly waitMs: number;
  private readonly pollMs: number;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly client: QdrantClient,
    alias: string,
    private readonly logger: Logger,
    options: IngestLockOptions = {},
  ) {
    this.name = `${alias}_lock`;
    this.ttlMs = options.ttlMs ?? INGEST_LOCK.ttlMs;
    this.waitMs = options.waitMs ?? INGEST_LOCK.waitMs;
    this.pollMs = options.pollMs ?? INGEST_LOCK.pollMs;
  }

  /** Wait for the lock (bounded by waitMs), take it, and keep it renewed until release(). */
  async acquire(): Promise<void> {
    const giveUpAt = Date.now() + this.waitMs;
    let emptySince: number | null = null;
    let told = false;
    for (;;) {
      if (await this.tryCreate()) {
        await this.write();
        this.heartbeat = setInterval(() => {
          this.write().catch((err: unknown) => this.logger.warn({ err, lock: this.name }, "could not renew the ingest lock"));
        }, Math.max(1, Math.floor(this.ttlMs / 3)));
        this.heartbeat.unref();
        return;
      }
      const held = await this.read();
      const now = Date.now();
      if (held && held.expiresAt <= now) {
        this.logger.warn({ lock: this.name, owner: held.owner }, "ingest lock expired (its owner stopped): taking it over");
        await this.takeOver(held);
        continue;
      }
      if (!held) {
        // Created but not yet written, or its creator died in between: give it one lifetime.
        emptySince ??= now;
        if (now - emptySince > this.ttlMs) {
          this.logger.warn({ lock: this.name }, "ingest lock left empty: taking it over");
          await this.takeOver(null);
          continue;
        }
      } else {
        emptySince = null;
      }
      if (now >= giveUpAt) {
        throw new IngestBusyError(
          `another ingest into this Qdrant alias is running (${held?.owner ?? "starting"}); waited ${Math.round(this.waitMs / 1000)} s — try again when it has finished`,
        );
      }
      if (!told) {
        this.logger.info({ lock: this.name, owner: held?.owner ?? null }, "another ingest is running: waiting for it");
        told = true;
      }
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
  }

  /** Throw unless this process still holds the lock (checked right before the alias switch). */
  async verify(): Promise<void> {
    const held = await this.read();
    if (held?.owner !== this.owner) {
      throw new IngestBusyError(`lost the ingest lock to ${held?.owner ?? "nobody"} (it expired while this ingest ran); the alias was not switched`);
    }
  }

  /** Stop renewing; delete the lock if it is still ours. Never throws (an expiring lock frees itself anyway). */
  async release(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    try {
      const held = await this.read();
      if (held?.owner === this.owner) await this.client.deleteCollection(this.name);
    } catch (err) {
      this.logger.warn({ err, lock: this.name }, "could not release the ingest lock; it expires on its own");
    }
  }

  private async tryCreate(): Promise<boolean> {
    try {
      // The smallest collection Qdrant accepts: one unnamed vector of size 1.
      await this.client.createCollection(this.name, { vectors: { size: 1, distance: "Dot" } });
      return true;
    } catch (err) {
      if (statusOf(err) === 409) return false;
      throw err;
    }
  }

  private async write(): Promise<void> {
    const payload: LockPayload = { owner: this.owner, expiresAt: Date.now() + this.ttlMs };
    await this.client.upsert(this.name, { wait: true, points: [{ id: LOCK_POINT, vector: [1], payload: { ...payload } }] });
  }

  private async read(): Promise<LockPayload | null> {
    try {
      const points = await this.client.retrieve(this.name, { ids: [LOCK_POINT], with_payload: true });
      const p = points[0]?.payload as Partial<LockPayload> | undefined;
      return p && typeof p.owner === "string" && typeof p.expiresAt === "number" ? { owner: p.owner, expiresAt: p.expiresAt } : null;
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw err;
    }
  }

  /** Delete a stale lock, unless someone renewed or replaced it since we looked. */
  private async takeOver(seen: LockPayload | null): Promise<void> {
    const now = await this.read();
    if ((now?.owner ?? null) !== (seen?.owner ?? null) || (now?.expiresAt ?? null) !== (seen?.expiresAt ?? null)) return;
    await this.client.deleteCollection(this.name);
  }
}

function statusOf(err: unknown): number | undefined {
  return err && typeof err === "object" && "status" in err && typeof (err as { status: unknown }).status === "number" ? (err as { status: number }).status : undefined;
}
