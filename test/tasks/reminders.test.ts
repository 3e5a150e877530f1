/**
 * Reminders with a fake clock and the real file store: each deadline is reminded once, also across a restart;
 * yearly ones every year; a new document that assigns work to a followed body is told once; an unreachable chat
 * stops being followed; a failed notice is tried again.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FileStore } from "../../src/bot/storage/file-store.js";
import { loadCorpus } from "../../src/corpus/index.js";
import type { ParsedDocument } from "../../src/domain/model.js";
import { buildRegister, type TaskRegister } from "../../src/tasks/register.js";
import { ChatUnreachableError, Reminders, type ReminderNotice, type ReminderState } from "../../src/tasks/reminders.js";

let documents: ParsedDocument[];
const CHAT = 1001;
const OTHER = 2002;

beforeAll(async () => {
  documents = (await loadCorpus(["corpus", "../shared/corpus-dev"])).documents;
});

/** 09:00 in Vietnam on that day. */
const at = (day: string) => Date.parse(`${day}T02:00:00Z`);

function setup(options: { dir?: string; register?: () => TaskRegister; leadDays?: number; fail?: (n: ReminderNotice) => Error | null } = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "vanban-reminders-"));
  const clock = { now: at("2026-11-10") };
  const notices: ReminderNotice[] = [];
  const full = buildRegister(documents);
  const reminders = new Reminders({
    store: new FileStore<ReminderState>(dir),
    register: options.register ?? (() => full),
    sink: {
      async send(notice) {
        const err = options.fail?.(notice);
        if (err) throw err;
        notices.push(notice);
      },
    },
    leadDays: options.leadDays ?? 7,
    now: () => clock.now,
  });
  return { dir, clock, notices, reminders };
}

const dueOf = (n: ReminderNotice) => (n.kind === "due" ? n.items.map((i) => [i.record.document.number, i.record.section, i.due, i.daysLeft]) : []);

describe("deadline reminders", () => {
  it("once per deadline, within the lead time, across a restart; a yearly deadline again next year", async () => {
    const first = setup();
    expect((await first.reminders.follow(CHAT, "sở khcn")).ok).toBe(true);

    // 10/11: the reports due to Sở KH&CN before 15/11 every year (Kế hoạch 144, VII) are 5 days away.
    await first.reminders.tick();
    expect(first.notices.map(dueOf)).toEqual([[["144/KH-UBND", "VII", "2026-11-15", 5]]]);
    expect(first.notices[0]).toMatchObject({ chatId: CHAT, body: "Sở Khoa học và Công nghệ" });
    await first.reminders.tick();
    expect(first.notices).toHaveLength(1);

    // A restart: a new process on the same DATA_DIR sends nothing again.
    const second = setup({ dir: first.dir });
    second.clock.now = at("2026-11-12");
    await second.reminders.tick();
    expect(second.notices).toEqual([]);

    // 13/11: the reports due before 20/11 (Kế hoạch 552, VI.2) enter the 7 days; 15/11 is not said twice.
    second.clock.now = at("2026-11-13");
    await second.reminders.tick();
    expect(second.notices.map(dueOf)).toEqual([[["552/KH-UBND", "VI.2", "2026-11-20", 7]]]);

    // 30/11 (its own report to the province, Kế hoạch 552 VI.2) — on the day itself.
    second.clock.now = at("2026-11-30");
    await second.reminders.tick();
    expect(second.notices.map(dueOf).at(-1)).toEqual([["552/KH-UBND", "VI.2", "2026-11-30", 0]]);
    const before = second.notices.length;

    // A year later the yearly deadlines come round again, each once.
    const third = setup({ dir: first.dir });
    third.clock.now = at("2027-11-09");
    await third.reminders.tick();
    await third.reminders.tick();
    expect(third.notices.map(dueOf)).toEqual([[["144/KH-UBND", "VII", "2027-11-15", 6]]]);
    expect(second.notices).toHaveLength(before);
  });

  it("a fixed deadline once, in the days before it (Quý III/2026 of Kế hoạch 310)", async () => {
    const { reminders, notices, clock } = setup();
    await reminders.follow(CHAT, "Sở Khoa học và Công nghệ");
    clock.now = at("2026-09-20");
    await reminders.tick();
    expect(notices).toEqual([]);
    clock.now = at("2026-09-23");
    await reminders.tick();
    clock.now = at("2026-09-29");
    await reminders.tick();
    expect(notices.map(dueOf)).toEqual([[["310/KH-UBND", "Phụ lục.1", "2026-09-30", 7]]]);
    clock.now = at("2026-10-01");
    await reminders.tick();
    expect(notices).toHaveLength(1);
  });

  it("a notice that fails is sent at the next check; an unreachable chat is no longer followed", async () => {
    let failing = true;
    const { reminders, notices } = setup({
      fail: (n) => (n.chatId === OTHER ? new ChatUnreachableError(OTHER) : failing ? new Error("network down") : null),
    });
    await reminders.follow(CHAT, "Sở KH&CN");
    await reminders.follow(OTHER, "Sở KH&CN");
    await reminders.tick();
    expect(notices).toEqual([]);
    expect(await reminders.follows(OTHER)).toEqual([]);
    failing = false;
    await reminders.tick();
    expect(notices.map((n) => n.chatId)).toEqual([CHAT]);
  });
});

describe("following", () => {
  it("one follow per body however it is typed; /botheodoi stops it by any of its names", async () => {
    const { reminders } = setup();
    const first = await reminders.follow(CHAT, "Sở Khoa học và Công nghệ");
    expect(first).toMatchObject({ ok: true, added: true });
    expect(await reminders.follow(CHAT, "so khcn")).toMatchObject({ ok: true, added: false });
    expect((await reminders.follows(CHAT)).map((f) => f.body)).toEqual(["Sở Khoa học và Công nghệ"]);
    expect((await reminders.unfollow(CHAT, "Sở KH&CN")).map((f) => f.body)).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(await reminders.follows(CHAT)).toEqual([]);
  });

  it("a body no document names yet can be followed (a later document may)", async () => {
    const { reminders } = setup();
    expect(await reminders.follow(CHAT, "Sở Du lịch")).toMatchObject({ ok: true, added: true, matches: [] });
  });
});

describe("new documents", () => {
  it("a newly ingested document that assigns work to a followed body is told once, to the chats that follow it", async () => {
    const kh552 = documents.find((d) => d.number === "552/KH-UBND")!;
    let current = buildRegister(documents.filter((d) => d !== kh552));
    const { reminders, notices, clock, dir } = setup({ register: () => current });
    clock.now = at("2026-01-05");
    await reminders.follow(CHAT, "Sở Tài chính");
    await reminders.follow(OTHER, "Chi cục Hải quan khu vực V");
    // The first check learns what is there: nothing is new to a bot that just started.
    await reminders.tick();
    expect(notices.filter((n) => n.kind === "new")).toEqual([]);

    current = buildRegister(documents); // /reload or an upload brought Kế hoạch 552
    await reminders.tick();
    await reminders.tick();
    const told = notices.filter((n) => n.kind === "new");
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ chatId: CHAT, body: "Sở Tài chính", document: { number: "552/KH-UBND" } });
    expect(told[0]!.kind === "new" && told[0]!.items.map((m) => m.record.section)).toEqual(["V.4", "V.4", "V.4", "V.4", "Phụ lục.I.1", "Phụ lục.I.2"]);

    // After a restart the document is known: nobody is told again.
    const again = setup({ dir, register: () => current });
    again.clock.now = at("2026-01-05");
    await again.reminders.tick();
    expect(again.notices.filter((n) => n.kind === "new")).toEqual([]);
  });
});
