/** How agreement figures read: percentages with one decimal, coefficients with three; null is "undefined". */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`;
}

export function formatCoefficient(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}
