/**
 * Place initials in a corpus where two places share them ("th": Thanh Hóa, Thái Hòa): typed beside a document's
 * number they are read among that document's places; typed alone they stay as typed (no place is guessed).
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIndex, embeddedTarget } from "../../src/assistant/open.js";
import type { Knowledge } from "../../src/assistant/knowledge.js";
import { uniqueIds } from "../../src/corpus/index.js";
import { parseDocument } from "../../src/parser/index.js";
import { understand } from "../../src/understand/frame.js";

const plan = (province: string, number: number) => `ỦY BAN NHÂN DÂN TỈNH ${province.toUpperCase()}
Số: ${number}/KH-UBND
${province}, ngày 10 tháng 8 năm 2025

KẾ HOẠCH
Chuyển đổi số năm 2026

I. NHIỆM VỤ

1. Sở Khoa học và Công nghệ chủ trì phủ sóng 5G tại các khu công nghiệp của tỉnh ${province}.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn An`;

const LETTER = `ỦY BAN NHÂN DÂN TỈNH THANH HÓA
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 1542/SKHCN-KHTC
V/v báo cáo kết quả thực hiện Kế hoạch số 86/KH-UBND
Thanh Hóa, ngày 25 tháng 9 năm 2025

Kính gửi: Các sở, ban, ngành.

1. Các cơ quan báo cáo kết quả phủ sóng 5G trước ngày 05/10/2025.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Văn Bình`;

let kb: Knowledge;
beforeAll(async () => {
  const docs = [parseDocument(plan("Thanh Hóa", 86), "th.md"), parseDocument(plan("Thái Hòa", 12), "thai-hoa.md"), parseDocument(LETTER, "cv1542.md")];
  uniqueIds(docs);
  kb = await buildIndex(docs, embeddedTarget(await mkdtemp(join(tmpdir(), "vanban-initials-"))));
}, 60_000);

describe("place initials two places share", () => {
  it("are read among the places of the document named by number", () => {
    expect(understand("kh 86 tinh th giao so nao phu song 5g", [], kb).text).toMatch(/tinh Thanh Hóa/);
    expect(understand("kh 12 tinh th giao so nao phu song 5g", [], kb).text).toMatch(/tinh Thái Hòa/);
  });

  it("are no place when no document is named", () => {
    expect(understand("tinh th giao so nao phu song 5g", [], kb).text).not.toMatch(/Thanh Hóa|Thái Hòa/);
  });
});

describe("an issuer named with its place", () => {
  it("holds the question to that issuer's documents among the place's, typed in chat", () => {
    const ids = (q: string) => understand(q, [], kb).scope.documentIds.map((id) => kb.byId.get(id)!.number);
    expect(ids("cv cua so khcn thanh hoa yeu cau bao cao phu song 5g truoc ngay nao")).toEqual(["1542/SKHCN-KHTC"]);
    expect(ids("kh cua ubnd tinh thanh hoa giao so nao phu song 5g")).toEqual(["86/KH-UBND"]);
  });
});
