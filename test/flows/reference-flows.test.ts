import { join } from 'node:path';
import { loadCalendars } from '../../config/calendars/load-calendars';
import { loadDirectory } from '../../config/directory/load-directory';
import type { FlowCatalog } from '../../config/flow/load-flows';
import { loadFlowCatalog } from '../../config/flow/load-flows';
import type { Directory } from '../../workflows/engine/directory-model';
import { resolveCaseDirectory } from '../../workflows/engine/directory';
import type { Flow } from '../../workflows/engine/flow-model';

const ROOT = join(__dirname, '../..');
let directory: Directory;
let catalog: FlowCatalog;

beforeAll(async () => {
  directory = await loadDirectory(join(ROOT, 'config/directory.yaml'));
  const calendars = await loadCalendars(join(ROOT, 'config/calendars'));
  catalog = await loadFlowCatalog(join(ROOT, 'flows'), { directory, calendars: new Set(calendars.keys()) });
});

const REFERENCE_FLOWS = [
  'business.startup',
  'health.public-health-report',
  'hotline.12345-complaint',
  'urban.exposed-garbage',
  'urban.missing-manhole-cover',
];

function flow(id: string): Flow {
  const found = catalog.get(id);
  if (found === undefined) throw new Error(`flow ${id} is missing`);
  return found;
}

describe('the reference flows against the demo directory', () => {
  it('all validate', () => {
    expect(catalog.list().map((entry) => entry.id)).toEqual(REFERENCE_FLOWS);
  });

  it.each(REFERENCE_FLOWS)('%s resolves every assignee and system at every demo grid', (id) => {
    const grids = directory.regions.filter((region) => region.level === 'grid');
    for (const grid of grids) {
      const pinned = resolveCaseDirectory(directory, flow(id), grid.code);
      expect(pinned.regionPath).toHaveLength(5);
    }
  });

  it('shows 属地兜底 in the demo: missing roles at a low level fall to the next level up', () => {
    const manhole = flow('urban.missing-manhole-cover');
    // 五山街道 holds no territorial duty and no inspector: 天河区 takes both; 天河区 has no drainage: the city
    expect(resolveCaseDirectory(directory, manhole, '440106002001001').assignees).toMatchObject({
      'role:territorial@street': { department: 'tianhe-urban-management', level: 'district' },
      'role:inspector@grid': { department: 'tianhe-urban-command', level: 'district' },
      'role:drainage@district': { department: 'gz-drainage', level: 'city' },
    });
    // 盐运西社区 grid 2 has no inspector of its own: the community's
    expect(resolveCaseDirectory(directory, manhole, '440104001002002').assignees).toMatchObject({
      'role:inspector@grid': { department: 'yanyunxi-community', level: 'community' },
      'role:territorial@street': { department: 'beijing-street-office', level: 'street' },
      'role:drainage@district': { department: 'yuexiu-water', level: 'district' },
    });
  });

  it('carries the start-up time-limit tables as profiles with their whole-case limits', () => {
    const { profiles, sla } = flow('business.startup');
    expect(sla?.within.days).toBe(8.5);
    expect(profiles['shenzhen-2020']?.caseSla?.within.days).toBe(1);
    expect(profiles['shenzhen-2020']?.sla.register?.within.days).toBe(0.5);
    expect(profiles['jilin-2018']?.caseSla?.within.days).toBe(3);
    expect(profiles['national-2018']?.sla.invoices?.within.days).toBe(2);
  });
});
