/**
 * Weekly rounds as organisers announce them: "each Wednesday 10:00 to the next Wednesday 09:00",
 * in Vietnam's time (UTC+7 all year, no daylight saving), one topic per round.
 */
export type WeeklyPlan = {
  /** First opening day, 'YYYY-MM-DD'. */
  firstDate: string;
  /** 'HH:mm' on the opening day. */
  opensAt: string;
  /** 'HH:mm' on the day a week later. */
  closesAt: string;
  topics: string[];
  /** Number given to the first generated round (after rounds already stored). */
  firstNumber: number;
};

const plusDays = (iso: string, days: number) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** Vietnam's wall clock to an ISO instant. */
export const vietnamInstant = (day: string, time: string) =>
  new Date(`${day}T${time}:00+07:00`).toISOString();

export function weeklyRounds(plan: WeeklyPlan) {
  return plan.topics.map((topic, i) => {
    const day = plusDays(plan.firstDate, 7 * i);
    return {
      number: plan.firstNumber + i,
      topic: topic.trim(),
      opensAt: vietnamInstant(day, plan.opensAt),
      closesAt: vietnamInstant(plusDays(day, 7), plan.closesAt),
    };
  });
}
