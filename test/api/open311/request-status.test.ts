import type { GeoRecord } from '../../../api/open311/georeport-document';
import {
  publicNotesOfSnapshot,
  publicNotesOfView,
  serviceRequestRecord,
} from '../../../api/open311/request-status';
import { createServiceCatalog, type GeoService } from '../../../api/open311/service-catalog';
import type { ServiceData } from '../../../config/load-service-data';
import { caseViewOfRecord } from '../../../ledger';
import { caseView } from '../../../workflows/engine/case';
import type { CaseView } from '../../../workflows/engine/case/case-view';
import { ledgerSnapshot } from '../../../workflows/engine/case/ledger-snapshot';
import { caseInputFor, serviceData } from '../../helpers/case-fixtures';
import { at } from '../../workflows/engine/case/fixtures/calendars';
import { CaseDriver } from '../../workflows/engine/case/fixtures/case-driver';
import { viewOf } from './case-views';

describe('a case read as a GeoReport service request', () => {
  let data: ServiceData;
  let garbage: GeoService;
  beforeAll(async () => {
    data = await serviceData();
    garbage = createServiceCatalog(data.flows).byCode('exposed-garbage')!;
  });
  const read = (view: CaseView, language: 'zh' | 'en' = 'zh') =>
    Object.fromEntries(
      serviceRequestRecord(view, publicNotesOfView(view, garbage.flow), {
        service: garbage,
        flow: garbage.flow,
        directory: data.directory,
        language,
      }),
    ) as Record<string, GeoRecord[number][1]>;
  const handled = (note: string) =>
    viewOf({}).steps.map((step) =>
      step.id === 'handle'
        ? {
            ...step,
            status: 'completed' as const,
            completedAt: '2026-03-09T11:00:00+08:00',
            result: { done: true, note },
          }
        : step,
    );

  it('shows an open request with its location, description and the agency now holding it', () => {
    expect(read(viewOf({}))).toEqual({
      service_request_id: 'GR-1',
      status: 'open',
      status_notes: null,
      service_name: '暴露垃圾处置',
      service_code: 'exposed-garbage',
      description: '人行道上一堆垃圾',
      agency_responsible: '越秀区市容环卫',
      service_notice: expect.stringContaining('监督员 1 个工作小时内到场核实'),
      requested_datetime: '2026-03-09T09:00:00+08:00',
      updated_datetime: '2026-03-09T10:00:00+08:00',
      expected_datetime: null,
      address: '北京路 1 号',
      address_id: null,
      zipcode: null,
      lat: 23.124,
      long: 113.2695,
      media_url: null,
    });
  });

  it('never shows personal data or notes that are not public', () => {
    const text = JSON.stringify(
      serviceRequestRecord(viewOf({}), publicNotesOfView(viewOf({}), garbage.flow), {
        service: garbage,
        flow: garbage.flow,
        directory: data.directory,
        language: 'en',
      }),
    );
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('娜娜');
    expect(text).not.toContain('内部');
  });

  it("takes status_notes from the latest public note, and the public note's time as the last change", () => {
    const view = viewOf({ steps: handled('垃圾已清运') });
    expect(read(view)).toMatchObject({
      status: 'open',
      status_notes: '垃圾已清运',
      updated_datetime: '2026-03-09T11:00:00+08:00',
      agency_responsible: '越秀区市容环卫',
    });
  });

  it('reads closed once only the follow-up visit remains, updated when the last step finished', () => {
    const view = viewOf({
      stage: 'review',
      steps: handled('垃圾已清运'),
      review: { status: 'open', windowClosesAt: '2026-03-12T11:00:00+08:00', feedbackCount: 0 },
    });
    expect(read(view)).toMatchObject({ status: 'closed', updated_datetime: '2026-03-09T11:00:00+08:00' });
    const closed = {
      ...view,
      status: 'closed' as const,
      stage: 'closed' as const,
      closedAt: '2026-03-12T11:00:00+08:00',
    };
    expect(read(closed)).toMatchObject({ status: 'closed', updated_datetime: '2026-03-09T11:00:00+08:00' });
  });

  it('reads a cancelled case as closed at its cancellation, with the whole-case deadline as expected', () => {
    const view = viewOf({
      status: 'cancelled',
      stage: 'closed',
      closedAt: '2026-03-09T12:00:00+08:00',
      dueAt: '2026-03-10T17:30:00+08:00',
    });
    expect(read(view)).toMatchObject({
      status: 'closed',
      updated_datetime: '2026-03-09T12:00:00+08:00',
      expected_datetime: '2026-03-10T17:30:00+08:00',
    });
  });

  it('reads the same from the ledger snapshot as from the case itself', async () => {
    const input = await caseInputFor({
      flowId: 'urban.exposed-garbage',
      region: '440104001001001',
      data: { address: '北京路 1 号', reportedBy: 'citizen', reporterPhone: '13912345678' },
    });
    const c = new CaseDriver(input, at('2026-03-09T09:00:00+08:00'))
      .complete('verify', { confirmed: true, note: '内部：现场核实属实' }, at('2026-03-09T09:20:00+08:00'))
      .complete('file', { filed: true }, at('2026-03-09T09:30:00+08:00'))
      .serve('dispatch', { ok: true, result: {} }, at('2026-03-09T09:31:00+08:00'))
      .complete('handle', { done: true, note: '垃圾已清运' }, at('2026-03-09T11:00:00+08:00'));
    const now = at('2026-03-09T11:30:00+08:00');
    const context = {
      service: garbage,
      flow: input.flow,
      directory: data.directory,
      language: 'zh',
    } as const;
    const view = caseView(c.state, now);
    const fromCase = serviceRequestRecord(view, publicNotesOfView(view, input.flow), context);
    const snapshot = ledgerSnapshot(c.state);
    const stored = JSON.parse(JSON.stringify(snapshot)) as typeof snapshot;
    const fromLedger = serviceRequestRecord(
      caseViewOfRecord(stored, false, now),
      publicNotesOfSnapshot(stored),
      context,
    );
    expect(fromLedger).toEqual(fromCase);
    expect(Object.fromEntries(fromLedger)).toMatchObject({
      status: 'open',
      status_notes: '垃圾已清运',
      updated_datetime: '2026-03-09T11:00:00+08:00',
      requested_datetime: '2026-03-09T09:00:00+08:00',
    });
    expect(JSON.stringify(fromLedger)).not.toContain('13912345678');
  });
});
