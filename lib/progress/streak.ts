/** Consecutive days (UTC) with any activity, ending today or yesterday; 0 when the last activity is older. */
export function streakDays(activity: Date[], now = new Date()): number {
  const days = new Set(activity.map((d) => d.toISOString().slice(0, 10)))
  const day = (offset: number) => new Date(now.getTime() - offset * 86_400_000).toISOString().slice(0, 10)
  let start = days.has(day(0)) ? 0 : days.has(day(1)) ? 1 : -1
  if (start < 0) return 0
  let streak = 0
  while (days.has(day(start++))) streak++
  return streak
}
