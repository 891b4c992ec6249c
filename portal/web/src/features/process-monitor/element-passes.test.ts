import { describe, expect, it } from 'vitest';
import { addPasses, heatLevel } from './element-passes.js';

const counts = (elementId: string, active: number, completed: number, terminated = 0) => ({
  elementId,
  active,
  completed,
  terminated,
  incidents: 0,
});

describe('the heatmap numbers', () => {
  it('sums every pass of an element over instances, whatever state it ended in', () => {
    const sum = new Map<string, number>();
    addPasses(sum, [counts('Task_A', 0, 1), counts('Task_B', 1, 0)]);
    addPasses(sum, [counts('Task_A', 0, 2), counts('Task_C', 0, 0, 1)]);
    expect(Object.fromEntries(sum)).toEqual({ Task_A: 3, Task_B: 1, Task_C: 1 });
  });

  it('shades the busiest element darkest and a rare one lightest', () => {
    expect(heatLevel(10, 10)).toBe(4);
    expect(heatLevel(1, 10)).toBe(0);
    expect(heatLevel(5, 10)).toBe(2);
    expect(heatLevel(0, 0)).toBe(0);
  });
});
