import { parseDuration } from '../../../../workflows/engine/time';

const H = 3_600_000;
const M = 60_000;

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('parseDuration', () => {
  it.each([
    ['PT4H', false, 0, 4 * H],
    ['P5D', false, 5, 0],
    ['P1DT2H30M', false, 1, 2 * H + 30 * M],
    ['-PT30M', true, 0, 30 * M],
    ['PT0.5H', false, 0, 30 * M],
    ['P0.5D', false, 0.5, 0],
    ['PT90S', false, 0, 90_000],
    ['PT0S', false, 0, 0],
    ['30m', false, 0, 30 * M],
    ['4h', false, 0, 4 * H],
    ['5d', false, 5, 0],
    ['0.5d', false, 0.5, 0],
    ['1d4h', false, 1, 4 * H],
    ['1h30m', false, 0, 90 * M],
    ['-30m', true, 0, 30 * M],
    ['45s', false, 0, 45_000],
    ['0', false, 0, 0],
    ['-0', false, 0, 0],
    [' 2h ', false, 0, 2 * H],
  ])('parses %j', (text, negative, days, millis) => {
    expect(parseDuration(text)).toEqual({ text: text.trim(), negative, days, millis });
  });

  it.each(['P1M', 'P1Y', 'P2W', 'P1Y2M3D', '1w', '2y', '3mo'])(
    'rejects %j because months, years and weeks vary in length',
    (text) => {
      const error = errorOf(() => parseDuration(text));
      expect(error.name).toBe('DurationInvalidError');
      expect(error.message).toContain(`'${text}'`);
      expect(error.message).toMatch(/years, months and weeks are not supported/);
    },
  );

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['4', /needs a unit/],
    ['abc', /short form/],
    ['h', /short form/],
    ['4h30', /short form/],
    ['30m4h', /short form/],
    ['P', /ISO 8601/],
    ['PT', /ISO 8601/],
    ['PT4D', /ISO 8601/],
    ['P1H', /ISO 8601/],
    ['--4h', /short form/],
    ['3661d', /longer than 3660 days/],
    ['P1000000DT1H', /longer than 3660 days/],
    ['87840001h', /longer than 3660 days/],
  ])('rejects %j with a message saying what is wrong', (text, message) => {
    const error = errorOf(() => parseDuration(text));
    expect(error.name).toBe('DurationInvalidError');
    expect(error.message).toMatch(message);
  });
});
