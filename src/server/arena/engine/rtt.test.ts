import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRttSample, estimateRtt, newRttEstimator, recordPong, rttJitter } from './rtt.ts';

const feed = (samples: number[], window = 9) => samples.reduce(addRttSample, newRttEstimator(window));

describe('RTT estimator', () => {
  it('is the median of the last N samples', () => {
    expect(estimateRtt(newRttEstimator())).toBeNull();
    expect(estimateRtt(feed([30, 10, 20]))).toBe(20);
    expect(estimateRtt(feed([10, 20, 30, 40]))).toBe(25);
    expect(estimateRtt(feed([900, 900, 900, 10, 10, 10], 3))).toBe(10);
    expect(estimateRtt(recordPong(newRttEstimator(), 1000, 1042))).toBe(42);
  });

  it('drops junk samples', () => {
    const e = feed([20, -5, Number.NaN, Infinity, 99_999]);
    expect(e.samples).toEqual([20]);
  });

  it('a minority of outliers cannot move it outside the range of the honest samples', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 20, max: 60 }), { minLength: 5, maxLength: 5 }), fc.array(fc.integer({ min: 0, max: 9_999 }), { maxLength: 4 }), (honest, outliers) => {
        const sorted = [...honest].sort((a, b) => a - b);
        // with at most 4 outliers among 9 samples, the median lies between the honest extremes
        const mixed = feed([...honest.slice(0, 3), ...outliers, ...honest.slice(3)], 9);
        const v = estimateRtt(mixed)!;
        expect(v).toBeGreaterThanOrEqual(sorted[0]);
        expect(v).toBeLessThanOrEqual(sorted[4]);
      }),
    );
    expect(rttJitter(feed([10, 20, 30, 40, 50]))).toBe(20);
  });
});
