/** Roles in the order people think of them (UI only; the server decides what each may do). */
export const ROLE_OPTIONS = ['owner', 'admin', 'assessor', 'viewer', 'provider'] as const;
