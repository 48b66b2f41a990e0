/**
 * What is wrong with a date filter value (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or undefined when
 * it is a real date: a well-formed but impossible one ("2026-13-45") would filter silently to
 * nothing, so the CLI and the API refuse it with this message.
 */
export function isoDateProblem(value: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return 'expected YYYY, YYYY-MM or YYYY-MM-DD';
  const [, year, month, day] = m;
  if (month && (Number(month) < 1 || Number(month) > 12)) return `no month ${month} in ${value}`;
  if (day && (Number(day) < 1 || Number(day) > new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate())) return `no day ${day} in ${year}-${month}`;
  return undefined;
}
