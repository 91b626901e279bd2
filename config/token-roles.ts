/** The roles a bearer token may carry (api-contract.md); config validates per-role settings against them. */
export const ROLES = ['intake', 'department', 'supervisor', 'designer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
