import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { calendarYaml } from '../../../scripts/commands/calendars/calendar-yaml';

describe('a calendar written as YAML by `fullcycle calendars show`', () => {
  const mainland = parse(readFileSync('config/calendars/cn-mainland.yaml', 'utf8')) as Record<
    string,
    unknown
  >;

  it('reads back as the same calendar, every shipped one', () => {
    for (const name of ['cn-mainland', 'us-sf', 'always-open']) {
      const calendar = parse(readFileSync(`config/calendars/${name}.yaml`, 'utf8')) as Record<
        string,
        unknown
      >;
      expect(parse(calendarYaml(calendar))).toEqual(calendar);
    }
  });

  it('quotes times and days so that no YAML 1.1 reader takes them for numbers or timestamps', () => {
    const text = calendarYaml(mainland);
    expect(text).toContain("workingHours: [['08:30', '12:00'], ['14:00', '17:30']]");
    expect(text).toContain("  - '2026-01-01'");
    expect(text).toContain("  - {name: 元旦 New Year's Day, date: '01-01'}");
  });

  it('starts with the header as comments and keeps names that need quoting intact', () => {
    const calendar = { ...mainland, holidayRules: [{ name: 'x: #y\n"z"', date: '02-29' }] };
    const text = calendarYaml(calendar, ['cn-mainland: revision 3', 'then publish']);
    expect(text.split('\n').slice(0, 2)).toEqual(['# cn-mainland: revision 3', '# then publish']);
    expect(parse(text)).toEqual(calendar);
  });
});
