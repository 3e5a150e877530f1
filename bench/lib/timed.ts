/** Time an async piece of work as the bot would feel it: wall and CPU time, and the longest event-loop stall meanwhile. */
export async function timedOffLoop<T>(work: () => Promise<T>): Promise<{ result: T; wallMs: number; cpuMs: number; maxStallMs: number }> {
  let last = performance.now();
  let maxGap = 0;
  // A 10 ms timer: a gap much longer than that between its ticks is the loop being held.
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 10);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  try {
    const result = await work();
    const wallMs = Math.round(performance.now() - t0);
    const cpu = process.cpuUsage(c0);
    maxGap = Math.max(maxGap, performance.now() - last);
    return { result, wallMs, cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxStallMs: Math.round(maxGap) };
  } finally {
    clearInterval(timer);
  }
}
