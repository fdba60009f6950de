import type { AppDeps } from '../../kernel/deps.ts';
import { sendReminders } from './reminders.service.ts';

/**
 * The daily reminder run, in process: checks every hour whether Vietnam's date has changed and,
 * once per day, reminds every late or soon-due unit (idempotent per unit, report and day, so a
 * restart the same day sends nothing twice). Started by server/main.ts, never in tests.
 * Returns the function that stops it.
 */
export function startReminderTick(
  deps: AppDeps,
  onError: (error: unknown) => void,
  intervalMs = 3_600_000,
): () => void {
  let lastDay: string | null = null;
  let running = false;
  const tick = async () => {
    const day = deps.today();
    if (running || day === lastDay) return;
    running = true;
    try {
      await sendReminders(deps, {});
      lastDay = day;
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 30_000);
  const timer = setInterval(() => void tick(), intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
