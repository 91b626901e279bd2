/** The directory's regions and departments (GET /v1/regions, /v1/departments), read once and kept. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';

export type Region = Schemas['Region'];
export type Department = Schemas['Department'];

export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    staleTime: Infinity,
    queryFn: async () => unwrap(await api.GET('/v1/regions')).items,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    staleTime: Infinity,
    queryFn: async () => unwrap(await api.GET('/v1/departments')).items,
  });
}

/** A function naming a region code (the code itself until the directory is loaded or when unknown). */
export function useRegionName(): (code: string) => string {
  const regions = useRegions().data;
  return (code) => regions?.find((region) => region.code === code)?.name ?? code;
}

/** A function naming a department id. */
export function useDepartmentName(): (id: string) => string {
  const departments = useDepartments().data;
  return (id) => departments?.find((department) => department.id === id)?.name ?? id;
}
