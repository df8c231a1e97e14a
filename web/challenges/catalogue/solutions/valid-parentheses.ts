// Reference solution: read as text by catalogue.test.ts and run through the runner. Never imported by the app.
export function isValid(s: string): boolean {
  const opener: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  for (const char of s) {
    if (!(char in opener)) stack.push(char);
    else if (stack.pop() !== opener[char]) return false;
  }
  return stack.length === 0;
}
