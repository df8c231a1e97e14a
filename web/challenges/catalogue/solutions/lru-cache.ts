// Reference solution: read as text by catalogue.test.ts and run through the runner. Never imported by the app.
type Operation = ['get', number] | ['put', number, number];

export function lruCache(capacity: number, operations: Operation[]): (number | null)[] {
  const cache = new Map<number, number>();
  return operations.map((operation) => {
    const key = operation[1];
    if (operation[0] === 'get') {
      const value = cache.get(key);
      if (value === undefined) return -1;
      cache.delete(key);
      cache.set(key, value);
      return value;
    }
    cache.delete(key);
    if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    cache.set(key, operation[2]);
    return null;
  });
}
