// Reference solution: read as text by catalogue.test.ts and run through the runner. Never imported by the app.
export function merge(intervals: number[][]): number[][] {
  const sorted = [...intervals].sort((a, b) => a[0]! - b[0]!);
  const merged: number[][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start! <= last[1]!) last[1] = Math.max(last[1]!, end!);
    else merged.push([start!, end!]);
  }
  return merged;
}
