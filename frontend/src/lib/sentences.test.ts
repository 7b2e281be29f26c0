import { describe, expect, it } from 'vitest';
import { paragraphSpans, sentenceSpans, stepSelection } from './sentences';

const text = (body: string, spans: { start: number; end: number }[]) => spans.map((s) => [...body].slice(s.start, s.end).join(''));

describe('sentences', () => {
  const body = 'Belarus supplied diesel. “Is it enough?” he asked!\n\nOfficials said 3.5 million… Prices fell\nSecond line';
  it('splits sentences at closing punctuation, quotes included, and at line ends', () => {
    expect(text(body, sentenceSpans(body))).toEqual([
      'Belarus supplied diesel.',
      '“Is it enough?”',
      'he asked!',
      'Officials said 3.5 million…',
      'Prices fell',
      'Second line',
    ]);
  });
  it('splits paragraphs at blank lines', () => {
    expect(text(body, paragraphSpans(body))).toEqual([
      'Belarus supplied diesel. “Is it enough?” he asked!',
      'Officials said 3.5 million… Prices fell\nSecond line',
    ]);
  });
  it('counts in code points, as highlights do', () => {
    const emoji = '😀 Smile. Then go.';
    expect(text(emoji, sentenceSpans(emoji))).toEqual(['😀 Smile.', 'Then go.']);
    expect(sentenceSpans(emoji)[1]).toEqual({ start: 9, end: 17 });
  });
  it('steps and extends a selection', () => {
    const units = sentenceSpans(body);
    const first = stepSelection(units, null, 0, 1, false);
    expect(first).toEqual(units[0]);
    const second = stepSelection(units, first, 0, 1, false);
    expect(second).toEqual(units[1]);
    expect(stepSelection(units, second, 0, -1, false)).toEqual(units[0]);
    expect(stepSelection(units, second, 0, 1, true)).toEqual({ start: units[1].start, end: units[2].end });
    expect(stepSelection(units, null, units[3].start, 1, false)).toEqual(units[3]); // from where the reading is
    expect(stepSelection(units, units[5], 0, 1, false)).toBeNull();
    expect(stepSelection(units, units[0], 0, -1, false)).toBeNull();
  });
});
