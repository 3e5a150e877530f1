import { describe, expect, it } from "vitest";
import { isAllowed } from "../../src/bot/middlewares/access.js";

const config = (allowedUsers: number[], allowedChats: number[], admins: number[] = []) => ({
  ALLOWED_USER_IDS: allowedUsers,
  ALLOWED_CHAT_IDS: allowedChats,
  ADMIN_USER_IDS: admins,
});

describe("allow-lists", () => {
  it("are open to everyone when both lists are empty", () => {
    expect(isAllowed(config([], []), 1, 1)).toBe(true);
  });

  it("let a listed user in anywhere and everyone in a listed chat", () => {
    const c = config([1], [-100]);
    expect(isAllowed(c, 1, 1)).toBe(true);
    expect(isAllowed(c, 1, -200)).toBe(true);
    expect(isAllowed(c, 2, -100)).toBe(true);
    expect(isAllowed(c, 2, 2)).toBe(false);
    expect(isAllowed(c, 2, -200)).toBe(false);
  });

  it("always let admins in", () => {
    expect(isAllowed(config([1], [], [9]), 9, 9)).toBe(true);
  });
});
