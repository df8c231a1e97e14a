import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.ts';

function breakerWithClock(cooldownMs = 30_000) {
  let now = 1_000_000;
  const breaker = new CircuitBreaker({ clock: () => now, cooldownMs });
  return { breaker, advance: (ms: number) => (now += ms) };
}

function failTimes(breaker: CircuitBreaker, times: number) {
  for (let index = 0; index < times; index++) {
    breaker.onSend();
    breaker.onFailure();
  }
}

describe('CircuitBreaker', () => {
  it('opens after 3 consecutive failures, not after 3 failures with a success between', () => {
    const { breaker } = breakerWithClock();
    failTimes(breaker, 2);
    breaker.onSuccess();
    failTimes(breaker, 2);
    expect(breaker.state()).toBe('closed');
    expect(breaker.canPass()).toBe(true);
    failTimes(breaker, 1);
    expect(breaker.state()).toBe('open');
    expect(breaker.canPass()).toBe(false);
  });

  it('after the cool-down lets exactly one trial through; its success closes the circuit', () => {
    const { breaker, advance } = breakerWithClock();
    failTimes(breaker, 3);
    advance(29_999);
    expect(breaker.canPass()).toBe(false);
    advance(1);
    expect(breaker.state()).toBe('half-open');
    expect(breaker.canPass()).toBe(true);
    breaker.onSend();
    expect(breaker.canPass()).toBe(false);
    breaker.onSuccess();
    expect(breaker.state()).toBe('closed');
    expect(breaker.canPass()).toBe(true);
  });

  it('re-opens for a whole cool-down when the trial fails', () => {
    const { breaker, advance } = breakerWithClock(10_000);
    failTimes(breaker, 3);
    advance(10_000);
    failTimes(breaker, 1);
    expect(breaker.state()).toBe('open');
    advance(9_999);
    expect(breaker.canPass()).toBe(false);
    advance(1);
    expect(breaker.canPass()).toBe(true);
  });

  it('frees the trial slot when the trial is abandoned, without a verdict', () => {
    const { breaker, advance } = breakerWithClock();
    failTimes(breaker, 3);
    advance(30_000);
    breaker.onSend();
    expect(breaker.canPass()).toBe(false);
    breaker.onAbandon();
    expect(breaker.state()).toBe('half-open');
    expect(breaker.canPass()).toBe(true);
  });
});
