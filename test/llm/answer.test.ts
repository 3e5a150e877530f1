import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type OpenAI from "openai";
import { NOT_FOUND_ANSWER, generateAnswer } from "../../src/llm/answer.js";
import { createOpenAIClient } from "../../src/llm/client.js";
import { completion, httpError, startFakeOpenAI, type FakeOpenAI } from "./fake-openai.js";
import { CONG_VAN, KE_HOACH, SOURCES, memoryLogger } from "./fixtures.js";

let fake: FakeOpenAI;
let client: OpenAI;

beforeEach(async () => {
  fake = await startFakeOpenAI();
  client = createOpenAIClient({ baseURL: fake.baseURL, timeoutMs: 2000, maxRetries: 2 });
});
afterEach(async () => {
  await fake.close();
});

const ask = (extra: Partial<Parameters<typeof generateAnswer>[0]> = {}) =>
  generateAnswer({
    client,
    model: "fake-chat",
    question: "Ai theo dõi, đôn đốc việc thực hiện?",
    history: [],
    sources: SOURCES,
    timeoutMs: 2000,
    ...extra,
  });

describe("generateAnswer: cited answers", () => {
  it("builds citations from the sources, renumbered in order of first use, with the quotes cut from the source", async () => {
    fake.chat(
      completion({
        answerable: true,
        claims: [
          {
            text: "Kế hoạch yêu cầu quán triệt Kết luận 69 đến toàn thể cán bộ, đảng viên.",
            source: 2,
            // Spans the page break, and writes "hóa" where the source writes "hoá".
            quote: "tuyên truyền sâu rộng Kết luận số 69-KL/TW đến toàn thể cán bộ, đảng viên",
          },
          {
            text: "Ban Tuyên giáo Tỉnh ủy Quảng Ngãi chủ trì theo dõi, đôn đốc [1].",
            source: 1,
            quote: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì … theo dõi, đôn đốc việc thực hiện Công văn này",
          },
          { text: "Kế hoạch cũng đẩy mạnh hiện đại hóa công tác văn phòng.", source: 2, quote: "hiện đại hóa công tác văn phòng" },
        ],
      }),
    );

    const result = await ask();

    expect(result).not.toBeNull();
    expect(result!.mode).toBe("answer");
    expect(result!.via).toBe("generated");
    // The model's [1] in claim text is removed; markers are ours: source 2 is cited first, so it is [1].
    expect(result!.answer).toBe(
      [
        "Kế hoạch yêu cầu quán triệt Kết luận 69 đến toàn thể cán bộ, đảng viên [1].",
        "Ban Tuyên giáo Tỉnh ủy Quảng Ngãi chủ trì theo dõi, đôn đốc [2].",
        "Kế hoạch cũng đẩy mạnh hiện đại hóa công tác văn phòng [1].",
      ].join("\n"),
    );
    expect(result!.citations).toEqual([
      {
        ...KE_HOACH.citation,
        // The source's own spelling ("hoá"), the page break collapsed, both claims' quotes joined.
        quote: "tuyên truyền sâu rộng Kết luận số 69-KL/TW đến toàn thể cán bộ, đảng viên … hiện đại hoá công tác văn phòng",
      },
      { ...CONG_VAN.citation, quote: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì … theo dõi, đôn đốc việc thực hiện Công văn này" },
    ]);
    expect(result!.seeAlso).toEqual([]);
  });

  it("shows the model numbered sources with their document labels and asks for the strict JSON schema", async () => {
    fake.chat(completion({ answerable: false, claims: [] }));
    await ask();
    const [req] = fake.requestsTo("chat/completions");
    const messages = req!.body.messages as { role: string; content: string }[];
    expect(messages[0]!.role).toBe("system");
    expect(messages[0]!.content).toContain("NGUYÊN VĂN");
    const user = messages.at(-1)!.content;
    expect(user).toContain("[1] Công văn số 2018-CV/TU ngày 22/02/2024 của Tỉnh ủy Quảng Ngãi, mục 3");
    expect(user).toContain("[2] Kế hoạch (không số) ngày 05/3/2024 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Thái Nguyên, mục II.1");
    expect(user).toContain(KE_HOACH.text);
    expect(req!.body.response_format.type).toBe("json_schema");
    expect(req!.body.response_format.json_schema.strict).toBe(true);
  });

  it("sends recent history as earlier turns", async () => {
    fake.chat(completion({ answerable: false, claims: [] }));
    await ask({ history: [{ question: "Công văn 2018-CV/TU nói gì?", answer: "Công văn giao Ban Tuyên giáo… [1]" }] });
    const messages = fake.requestsTo("chat/completions")[0]!.body.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(messages[1]!.content).toBe("Công văn 2018-CV/TU nói gì?");
  });

  it("answers not_found when the model says the sources do not answer", async () => {
    fake.chat(completion({ answerable: false, claims: [] }));
    expect(await ask({ question: "Tỉnh Bình Dương giao nhiệm vụ gì?" })).toEqual({
      mode: "not_found",
      answer: NOT_FOUND_ANSWER,
      citations: [],
      seeAlso: [],
      via: "generated",
    });
  });

  it("makes no request without sources", async () => {
    expect(await ask({ sources: [] })).toBeNull();
    expect(fake.requests).toHaveLength(0);
  });
});

describe("generateAnswer: the quote check", () => {
  it("drops a claim whose quote is fabricated and keeps the verbatim one, renumbered from 1", async () => {
    const { logger, lines } = memoryLogger();
    fake.chat(
      completion({
        answerable: true,
        claims: [
          { text: "Sở Khoa học và Công nghệ chủ trì.", source: 1, quote: "Giao Sở Khoa học và Công nghệ chủ trì" },
          { text: "Kế hoạch yêu cầu quán triệt Kết luận 69.", source: 2, quote: "Tổ chức quán triệt, tuyên truyền sâu rộng Kết luận số 69-KL/TW" },
        ],
      }),
    );
    const result = await ask({ logger });
    expect(result!.answer).toBe("Kế hoạch yêu cầu quán triệt Kết luận 69 [1].");
    expect(result!.citations.map((c) => c.documentId)).toEqual(["kh-thai-nguyen"]);
    expect(lines().some((l) => l.level === 40 && /dropped/.test(l.msg))).toBe(true);
  });

  it("returns null when every quote is fabricated or paraphrased", async () => {
    fake.chat(
      completion({
        answerable: true,
        claims: [
          { text: "Sở Khoa học chủ trì.", source: 1, quote: "Giao Sở Khoa học và Công nghệ chủ trì" },
          // Same words, different order: a paraphrase, not a quote.
          { text: "Ban Tuyên giáo chủ trì.", source: 1, quote: "Ban Tuyên giáo Tỉnh ủy giao chủ trì" },
          // Stitched from single words found here and there.
          { text: "Tỉnh ủy báo cáo.", source: 1, quote: "Giao … báo cáo" },
          { text: "Trích rỗng.", source: 1, quote: "   " },
        ],
      }),
    );
    expect(await ask()).toBeNull();
  });

  it("drops claims citing a source number that does not exist", async () => {
    fake.chat(
      completion({
        answerable: true,
        claims: [
          // Verbatim, but from source 1 — attributed to a source the model was never given.
          { text: "Ban Tuyên giáo chủ trì.", source: 3, quote: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì" },
          { text: "Ban Tuyên giáo chủ trì.", source: 0, quote: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì" },
          // Verbatim in source 1, but attributed to source 2.
          { text: "Ban Tuyên giáo chủ trì.", source: 2, quote: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì" },
        ],
      }),
    );
    expect(await ask()).toBeNull();

    fake.chat(
      completion({
        answerable: true,
        claims: [
          { text: "Ban Tuyên giáo Tỉnh ủy chủ trì (sai nguồn).", source: 7, quote: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì" },
          { text: "Ban Tuyên giáo Tỉnh ủy chủ trì.", source: 1, quote: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì" },
        ],
      }),
    );
    const result = await ask();
    expect(result!.answer).toBe("Ban Tuyên giáo Tỉnh ủy chủ trì [1].");
    expect(result!.citations).toEqual([{ ...CONG_VAN.citation, quote: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì" }]);
  });
});

describe("generateAnswer: a claim stands only when its quote supports it", () => {
  it("drops a claim whose verbatim quote is one unrelated word, or lacks the claim's number or body, and keeps the supported one", async () => {
    fake.chat(
      completion({
        answerable: true,
        claims: [
          // Verbatim, but one word: it shows nothing of the claim.
          { text: "Ban Tuyên giáo Tỉnh ủy chủ trì tổng kết vào năm 2030.", source: 1, quote: "chủ trì" },
          // Verbatim and long enough, but the year the claim states is not in it.
          { text: "Ban Tuyên giáo Tỉnh ủy chủ trì theo dõi đến năm 2030.", source: 1, quote: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì" },
          // Verbatim, but about another body than the one the claim names.
          { text: "Sở Tài chính chủ trì theo dõi, đôn đốc.", source: 1, quote: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì" },
          { text: "**Ban Tuyên giáo Tỉnh ủy** chủ trì theo dõi, đôn đốc.", source: 1, quote: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì … theo dõi, đôn đốc việc thực hiện Công văn này" },
        ],
      }),
    );
    const result = await ask();
    // The supported claim only, as plain text (the model's Markdown removed).
    expect(result!.answer).toBe("Ban Tuyên giáo Tỉnh ủy chủ trì theo dõi, đôn đốc [1].");
    expect(result!.citations).toHaveLength(1);
  });

  it("falls back (null) when no claim is supported, so the extractive answer is shown", async () => {
    fake.chat(completion({ answerable: true, claims: [{ text: "Sở Khoa học và Công nghệ chủ trì năm 2026.", source: 1, quote: "chủ trì" }] }));
    expect(await ask()).toBeNull();
  });
});

describe("generateAnswer: failures fall back (null), bounded in time and attempts", () => {
  it("returns null on malformed JSON content", async () => {
    fake.chat(completion('{"answerable": true, "claims": [{"text": "Ban Tuyên giáo'));
    expect(await ask()).toBeNull();
  });

  it("returns null on JSON of the wrong shape", async () => {
    fake.chat(completion({ answerable: "có", claims: "Ban Tuyên giáo" }));
    expect(await ask()).toBeNull();
  });

  it("returns null on a refusal", async () => {
    fake.chat(completion(null, { refusal: "Tôi không thể hỗ trợ yêu cầu này." }));
    expect(await ask()).toBeNull();
  });

  it("returns null within about timeoutMs when the server is slow, retries included", async () => {
    const { logger, lines } = memoryLogger();
    const slow = completion({ answerable: false, claims: [] });
    fake.chat({ ...slow, delayMs: 5000 }, { ...slow, delayMs: 5000 }, { ...slow, delayMs: 5000 });
    const started = Date.now();
    const result = await ask({ timeoutMs: 300, logger });
    const elapsed = Date.now() - started;
    expect(result).toBeNull();
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1500);
    expect(lines().find((l) => l.level === 40)).toMatchObject({ kind: "timeout" });
  });

  it("retries a 500 and answers from the retry", async () => {
    fake.chat(
      httpError(500),
      completion({ answerable: true, claims: [{ text: "Ban Tuyên giáo chủ trì.", source: 1, quote: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì" }] }),
    );
    const result = await ask();
    expect(result?.mode).toBe("answer");
    expect(fake.requestsTo("chat/completions")).toHaveLength(2);
  });

  it("gives up after maxRetries (3 attempts for maxRetries 2)", async () => {
    // A fourth, good reply is queued: it must never be fetched.
    fake.chat(httpError(500), httpError(503), httpError(500), completion({ answerable: false, claims: [] }));
    expect(await ask()).toBeNull();
    expect(fake.requestsTo("chat/completions")).toHaveLength(3);
  });

  it("does not retry a 400", async () => {
    fake.chat(httpError(400, "bad request"), completion({ answerable: false, claims: [] }));
    expect(await ask()).toBeNull();
    expect(fake.requestsTo("chat/completions")).toHaveLength(1);
  });

  it("logs an HTTP failure without the API key", async () => {
    const key = "sk-test-SECRETSECRETSECRET123";
    const keyed = createOpenAIClient({ apiKey: key, baseURL: fake.baseURL, timeoutMs: 2000, maxRetries: 0 });
    const { logger, text } = memoryLogger();
    fake.chat(httpError(401, `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com.`));
    expect(await ask({ client: keyed, logger })).toBeNull();
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${key}`);
    expect(text()).toContain("HTTP 401");
    expect(text()).not.toContain("SECRET");
  });

  it("returns null quickly when the caller aborts", async () => {
    fake.chat({ ...completion({ answerable: false, claims: [] }), delayMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    expect(await ask({ signal: controller.signal })).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
