// The two bits of arithmetic every bench's summary line uses.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function round(value: number, places = 1): number {
  return Math.round(value * 10 ** places) / 10 ** places;
}
