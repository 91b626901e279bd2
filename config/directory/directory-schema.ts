/**
 * The directory file (docs/api.md, "The directory"): the five-level region tree, the departments with their roles,
 * the departmental systems, and for Open311 the jurisdictions and region boundaries. Strict objects, so a misspelt
 * key is an error.
 * Cross-references (parents, levels, duplicates) are checked by check-directory.ts.
 */
import { z } from 'zod';
import type {
  Department as DepartmentModel,
  DepartmentalSystem as DepartmentalSystemModel,
  Directory as DirectoryModel,
  Jurisdiction as JurisdictionModel,
  Region as RegionModel,
  RegionBoundary as RegionBoundaryModel,
} from '../../workflows/engine/directory-model';
import type { Level } from '../../workflows/engine/flow-model';

/** The same names as `LEVELS` of the flow model, smallest first; `satisfies` keeps them in step. */
export const LEVEL_NAMES = [
  'grid',
  'community',
  'street',
  'district',
  'city',
] as const satisfies readonly Level[];

const TokenSchema = z
  .string({ error: 'expected a string (quote codes in YAML: "440100")' })
  .regex(/^\S+$/, 'must be non-empty and hold no spaces');

const HttpUrlSchema = z.string().refine(isHttpUrl, 'must be an absolute http:// or https:// URL');

export const RegionSchema = z.strictObject({
  code: TokenSchema.describe('Region code, e.g. GB/T 2260 "440104" or a 15-digit grid code'),
  name: z.string().min(1),
  level: z.enum(LEVEL_NAMES),
  parent: TokenSchema.optional().describe('Code of the region one level up; cities have none'),
});
export type Region = z.infer<typeof RegionSchema>;

export const DepartmentSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must hold only letters, digits, ., _ and -'),
  name: z.string().min(1),
  region: TokenSchema.describe('Code of the region the department serves'),
  roles: z.array(z.string().regex(/^\S+$/, 'a role must be non-empty and hold no spaces')),
  notifyUrl: HttpUrlSchema.optional(),
});
export type Department = z.infer<typeof DepartmentSchema>;

export const DepartmentalSystemSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must hold only letters, digits, ., _ and -'),
  url: HttpUrlSchema,
  tokenEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name (A-Z, 0-9, _)')
    .optional(),
});
export type DepartmentalSystem = z.infer<typeof DepartmentalSystemSchema>;

export const JurisdictionSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must hold only letters, digits, ., _ and -')
    .describe("Open311 jurisdiction_id, e.g. the city's website without www"),
  region: TokenSchema.describe('Code of the region the jurisdiction covers'),
  defaultRegion: TokenSchema.optional().describe(
    'Where a request goes when no boundary contains its point; default region',
  ),
  language: z.enum(['zh', 'en']).optional().describe('Language of GeoReport answers; default zh'),
});
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

const LongitudeLatitudeSchema = z.tuple([
  z.number().min(-180).max(180).describe('longitude'),
  z.number().min(-90).max(90).describe('latitude'),
]);

export const RegionBoundarySchema = z.strictObject({
  region: TokenSchema.describe('Code of the region this outlines'),
  polygon: z
    .array(LongitudeLatitudeSchema)
    .min(3, 'a polygon needs at least 3 points')
    .describe('[longitude, latitude] pairs (WGS84), one ring'),
});
export type RegionBoundary = z.infer<typeof RegionBoundarySchema>;

export const DirectorySchema = z.strictObject({
  regions: z.array(RegionSchema).min(1, 'a directory needs at least one region'),
  departments: z.array(DepartmentSchema).default([]),
  systems: z.array(DepartmentalSystemSchema).default([]),
  jurisdictions: z.array(JurisdictionSchema).default([]),
  boundaries: z.array(RegionBoundarySchema).default([]),
});
export type Directory = z.infer<typeof DirectorySchema>;

/** Compile-time check that a parsed file is the engine's `Directory` model. */
export const toDirectory = (file: Directory): DirectoryModel => file;
// Keep the parts in step with the model too, so that a model change fails here and not at run time.
export const toRegion = (region: Region): RegionModel => region;
export const toDepartment = (department: Department): DepartmentModel => department;
export const toDepartmentalSystem = (system: DepartmentalSystem): DepartmentalSystemModel => system;
export const toJurisdiction = (jurisdiction: Jurisdiction): JurisdictionModel => jurisdiction;
export const toRegionBoundary = (boundary: RegionBoundary): RegionBoundaryModel => boundary;

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
