import { formatInstant, parseInstant } from '../../../../workflows/engine/time';

describe('formatInstant and parseInstant', () => {
  it('formats an instant in the local time of a zone with its offset', () => {
    const at = Date.UTC(2026, 2, 9, 3, 30);
    expect(formatInstant(at, 'Asia/Shanghai')).toBe('2026-03-09T11:30:00+08:00');
    expect(formatInstant(at, 'UTC')).toBe('2026-03-09T03:30:00+00:00');
    expect(formatInstant(at + 5, 'Europe/Berlin')).toBe('2026-03-09T04:30:00.005+01:00');
  });

  it('round-trips through RFC 3339', () => {
    const at = Date.UTC(2026, 9, 25, 0, 59, 59);
    expect(parseInstant(formatInstant(at, 'Europe/Berlin'))).toBe(at);
  });

  it.each([
    ['2026-03-09T11:30:00+08:00', Date.UTC(2026, 2, 9, 3, 30)],
    ['2026-03-09T03:30:00Z', Date.UTC(2026, 2, 9, 3, 30)],
    ['2026-03-09t03:30:00z', Date.UTC(2026, 2, 9, 3, 30)],
    ['2026-03-09 03:30:00.250-01:00', Date.UTC(2026, 2, 9, 4, 30, 0, 250)],
  ])('parses %j', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it.each([
    '2026-03-09T11:30:00',
    '2026-03-09',
    'yesterday',
    '2026-02-30T10:00:00+08:00',
    '2026-03-09T25:00:00Z',
    '',
  ])('rejects %j', (text) => {
    expect(() => parseInstant(text)).toThrow(expect.objectContaining({ name: 'InstantInvalidError' }));
  });

  it('rejects an unknown time zone', () => {
    expect(() => formatInstant(0, 'Mars/Olympus')).toThrow(
      expect.objectContaining({ name: 'TimezoneInvalidError' }),
    );
  });
});
