import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCalendars } from '../../../config/calendars/load-calendars';

const SHIPPED = join(__dirname, '../../../config/calendars');

const VALID = `name: office
timezone: Asia/Shanghai
workingHours: [['08:30', '12:00'], ['14:00', '17:30']]
weekend: [sat, sun]
holidays: ['2026-01-01']
workdays: ['2026-01-04']
`;

async function problemsOf(files: Record<string, string>): Promise<readonly string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'calendars-'));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    await loadCalendars(dir);
  } catch (error) {
    expect((error as Error).name).toBe('CalendarInvalidError');
    return (error as { problems: readonly string[] }).problems;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return [];
}

describe('loadCalendars', () => {
  it('loads the shipped calendars with the 2026 holidays of mainland China', async () => {
    const calendars = await loadCalendars(SHIPPED, new Date('2026-11-30T00:00:00Z'));
    expect([...calendars.keys()].sort()).toEqual(['always-open', 'cn-mainland', 'us-sf']);
    const cn = calendars.get('cn-mainland');
    expect(cn?.timezone).toBe('Asia/Shanghai');
    expect(cn?.workingHours).toEqual([
      ['08:30', '12:00'],
      ['14:00', '17:30'],
    ]);
    expect(cn?.holidays.filter((date) => date.startsWith('2026-'))).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(cn?.publishedYears).toEqual([2026]);
    expect(cn?.holidays).toEqual(expect.arrayContaining(['2026-01-01', '2026-02-23', '2026-10-07']));
    expect(cn?.workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(calendars.get('always-open')).toMatchObject({
      timezone: 'UTC',
      workingHours: [['00:00', '24:00']],
    });
  });

  it('accepts a valid file and ignores files that are not yaml', async () => {
    expect(await problemsOf({ 'office.yaml': VALID, 'README.md': '# not a calendar' })).toEqual([]);
  });

  it('requires the name to match the file name', async () => {
    expect(await problemsOf({ 'shenzhen.yaml': VALID })).toEqual([
      "shenzhen.yaml: name: 'office' must match the file name 'shenzhen'",
    ]);
  });

  it('lists every problem of every file with its path', async () => {
    const broken = `name: broken
timezone: Mars/Olympus
workingHours: [['08:30', '12:00'], ['11:00', '25:00'], ['18:00', '17:00']]
weekend: [sat, sunday]
holidays: ['2026-02-30', '2026-01-01', '2026-01-01']
workdays: ['2026-01-01', '2026-01-05']
specialHours: { '2026-13-01': [] }
`;
    const problems = await problemsOf({ 'broken.yaml': broken, 'syntax.yaml': 'name: [\n' });
    expect(problems).toEqual(
      expect.arrayContaining([
        'broken.yaml: timezone: not a known IANA time zone',
        'broken.yaml: workingHours[1][1]: expected HH:MM between 00:00 and 24:00',
        'broken.yaml: workingHours[1]: periods must be in order and must not overlap',
        'broken.yaml: workingHours[2]: the start of a period must be before its end',
        expect.stringMatching(/^broken\.yaml: weekend\[1\]: .*"sun"/),
        'broken.yaml: holidays[0]: not a real date',
        'broken.yaml: holidays[2]: 2026-01-01 is listed twice',
        expect.stringMatching(/^broken\.yaml: specialHours.*: not a real date/),
        'broken.yaml: workdays: 2026-01-01 is also a holiday; 2026-01-05 is a mon, not a weekend day, so it is already a working day',
        expect.stringMatching(/^syntax\.yaml: \(yaml\): /),
      ]),
    );
  });

  it('rejects unknown and missing fields', async () => {
    const problems = await problemsOf({
      'office.yaml': `${VALID}opens: always\n`.replace('weekend: [sat, sun]\n', ''),
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^office\.yaml: weekend: /),
        expect.stringMatching(/^office\.yaml: \(root\): .*opens/),
      ]),
    );
  });

  it('names the problems of holiday rules and of days listed outside the published years', async () => {
    const rules = `${VALID}publishedYears: [2026]
holidayRules:
  - { name: two anchors, date: '01-01', lunar: '01-01' }
  - { name: no anchor }
  - { name: weekday alone, weekday: mon }
  - { name: solar, solarTerm: Easter }
  - { name: long observed, date: '12-25', days: 2, observed: nearest-weekday }
`.replace("holidays: ['2026-01-01']", "holidays: ['2026-01-01', '2027-01-01']");
    expect(await problemsOf({ 'office.yaml': rules })).toEqual(
      expect.arrayContaining([
        'office.yaml: holidayRules[0]: a rule needs exactly one of date, weekday, lunar, solarTerm (found date, lunar)',
        'office.yaml: holidayRules[1]: a rule needs exactly one of date, weekday, lunar, solarTerm (found none)',
        'office.yaml: holidayRules[2].weekday: weekday needs month and nth',
        'office.yaml: holidayRules[3].solarTerm: not a solar term (e.g. 清明, 冬至)',
        'office.yaml: holidayRules[4].observed: observed applies to one-day holidays',
        'office.yaml: publishedYears: 2027-01-01 is listed but 2027 is not in publishedYears',
      ]),
    );
  });
});
