/** Reading a case (view and timeline) and acting on it: every action refreshes both. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api, unwrap, type Schemas } from '../api/client';

export type CaseView = Schemas['CaseView'];
export type StepView = Schemas['StepView'];
export type TimelineEntry = Schemas['TimelineEntry'];

export function useCaseView(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId],
    queryFn: async () => unwrap(await api.GET('/v1/cases/{caseId}', { params: { path: { caseId } } })),
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
