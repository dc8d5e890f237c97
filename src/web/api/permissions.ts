import type { Action } from '../../core/auth/policy';
import { useMe } from './auth-queries';

/**
 * What the signed-in member may do in their current organisation, as the server's policy says
 * (/api/auth/me lists it). Menus and forms ask this rather than guessing from the role name.
 * Nothing is allowed while signed out or still loading.
 */
export function usePermissions(): { can(action: Action): boolean; isLoading: boolean } {
  const me = useMe();
  const allowed = new Set(me.data?.authenticated ? (me.data.permissions ?? []) : []);
  return { can: (action) => allowed.has(action), isLoading: me.isPending };
}
