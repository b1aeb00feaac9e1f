import { describe, expect, it } from '@jest/globals';
import { intArg, printFigures, round } from '../src/index';

describe('the bench kit', () => {
  it('prints one JSON line per figure, a blank line, then the title and the figures for people', () => {
    const lines: string[] = [];
    printFigures('demo bench', [{ metric: 'demo.rate', value: round(1234.567), unit: 'msg/s', baseline: 2000, target: '>=0.5' }], (line) => lines.push(line));
    expect(JSON.parse(lines[0]!)).toEqual({ metric: 'demo.rate', value: 1235, unit: 'msg/s', baseline: 2000, target: '>=0.5' });
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('demo bench');
    expect(lines[3]).toBe('demo.rate\t1235\tmsg/s\t2000\t>=0.5');
  });

  it('reads positive whole numbers from the command line and refuses anything else', () => {
    expect(intArg('jobs', 200, ['node', 'bench', '--jobs', '50'])).toBe(50);
    expect(intArg('jobs', 200, ['node', 'bench'])).toBe(200);
    expect(() => intArg('jobs', 200, ['node', 'bench', '--jobs', '-1'])).toThrow('--jobs must be a positive integer');
  });
});
