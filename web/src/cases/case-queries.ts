/** Reading a case (view and timeline) and acting on it: every action refreshes both. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api, unwrap, type Schemas } from '../api/client';

export type CaseView = Schemas['CaseView'];
export type StepView = Schemas['StepView'];
export type TimelineEntry = Schemas['TimelineEntry'];

/** An answer the API built from the ledger's record, not the live case (docs/api.md, "Answered from the ledger"). */
export interface FromRecord {
  /** When the ledger last wrote the case, in the case's time zone. */
  readonly writtenAt: string;
}

/** The ledger's record an answer came from, when the API marked it so (`Fullcycle-Source: ledger`). */
function fromRecordOf(response: Response): FromRecord | undefined {
  if (response.headers.get('Fullcycle-Source') !== 'ledger') return undefined;
  return { writtenAt: response.headers.get('Fullcycle-Record-Written-At') ?? '' };
}

/** While the page shows the ledger's record, it asks again this often: the live case shows once a worker answers. */
const RECORD_REFRESH_MS = 15_000;

/** The case view, and the record it came from when no worker answered (the page says so). */
export function useCaseView(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId],
    queryFn: async () => {
      const answer = await api.GET('/v1/cases/{caseId}', { params: { path: { caseId } } });
      return { view: unwrap(answer), fromRecord: fromRecordOf(answer.response) };
    },
    refetchInterval: (query) => (query.state.data?.fromRecord === undefined ? false : RECORD_REFRESH_MS),
  });
}

export function useTimeline(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'timeline'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/cases/{caseId}/timeline', { params: { path: { caseId } } })).items,
  });
}

/**
 * A mutation on the case: runs `act`, then shows `done` and refreshes the view and the timeline (the worker applies
 * Updates synchronously, so the next read shows the result). Errors stay on the mutation for the form to show.
 */
export function useCaseAction<T>(caseId: string, act: (input: T) => Promise<unknown>, done: string) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: act,
    onSuccess: async () => {
      void message.success(done);
      await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      await queryClient.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}
