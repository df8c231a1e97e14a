// axe-core (through @axe-core/playwright) on a page, with the rules the project holds every screen to:
// WCAG 2.0 and 2.1, levels A and AA, and only serious or critical findings fail. A failure lists each
// rule's id, impact, the elements' selectors and axe's own summary of what is wrong, so it can be
// fixed from the test's output alone. The page must come from an explicit browser context
// (browser.newContext().newPage()): axe-core refuses pages from browser.newPage().
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeScope {
  /** Only these parts of the page (CSS selectors), e.g. what one feature adds to another's screen. */
  include?: string[];
  /** Leave these out (CSS selectors). */
  exclude?: string[];
}

/**
 * The serious and critical violations on the page, each described in a few lines. Text on a gradient,
 * which axe-core leaves undecided, is measured here against every colour stop of the gradient.
 */
export async function seriousAxeViolations(page: Page, scope: AxeScope = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of scope.include ?? []) builder = builder.include(selector);
  for (const selector of scope.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const found = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    at ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replaceAll('\n', '\n      ')}`);
      return `${violation.id} (${violation.impact}): ${violation.help} [${violation.helpUrl}]\n${nodes.join('\n')}`;
    });
  const onGradient = results.incomplete
    .filter((result) => result.id === 'color-contrast')
    .flatMap((result) => result.nodes.filter((node) => node.any.some((check) => /gradient/.test(check.message))))
    .map((node) => node.target.join(' '));
  for (const problem of await gradientContrastProblems(page, onGradient)) found.push(`color-contrast on a gradient (serious): ${problem}`);
  return found;
}

/** For each selector: its text colour against each stop of the nearest gradient behind it (4.5:1, or 3:1 for large text). */
async function gradientContrastProblems(page: Page, selectors: string[]): Promise<string[]> {
  if (selectors.length === 0) return [];
  return page.evaluate((selectors) => {
    const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const linear = [r!, g!, b!].map((value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
    };
    const problems: string[] = [];
    for (const selector of selectors) {
      const element = document.querySelector(selector);
      if (!element) continue;
      let holder: Element | null = element;
      while (holder && !getComputedStyle(holder).backgroundImage.includes('gradient')) holder = holder.parentElement;
      if (!holder) continue;
      const style = getComputedStyle(element);
      const [r, g, b, alpha = 1] = channels(style.color);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      // The top layer is the one the text sits on (the score ring draws its centre over its ring).
      const image = getComputedStyle(holder).backgroundImage;
      let depth = 0;
      let end = image.length;
      for (let i = 0; i < image.length; i++) {
        if (image[i] === '(') depth++;
        else if (image[i] === ')') depth--;
        else if (image[i] === ',' && depth === 0) {
          end = i;
          break;
        }
      }
      const stops = (image.slice(0, end).match(/rgba?\([^)]*\)/g) ?? []).filter((stop) => (channels(stop)[3] ?? 1) > 0);
      for (const stop of stops) {
        const back = channels(stop).slice(0, 3);
        const text = [r!, g!, b!].map((value, i) => value * alpha + back[i]! * (1 - alpha));
        const [high, low] = [luminance(text), luminance(back)].sort((x, y) => y - x);
        const ratio = (high! + 0.05) / (low! + 0.05);
        if (ratio < needed) problems.push(`${selector}: ${style.color} on the gradient's ${stop} is ${ratio.toFixed(2)}:1, needs ${needed}:1`);
      }
    }
    return problems;
  }, selectors);
}

/** Fails with every serious or critical violation described, naming `where`. */
export async function expectNoSeriousAxeViolations(page: Page, where: string, scope: AxeScope = {}): Promise<void> {
  const found = await seriousAxeViolations(page, scope);
  expect(found, `axe-core on ${where}:\n${found.join('\n')}`).toEqual([]);
}
