import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import type { Access } from '../session.ts';
import { useSession } from './session-provider.tsx';

type Props = { children: ReactNode; passwordChangePage?: boolean };

/** Signed-out visitors go to sign-in (and come back after); a pending password change blocks every other page. */
export function RequireSession({ children, passwordChangePage = false }: Props) {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) return <PageLoading full />;
  if (me === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword && !passwordChangePage) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}

type AccessProps = { children: ReactNode; allow: (access: Access) => boolean };

/** A page for some roles only; others are sent home rather than shown a page that would only answer 403. */
export function RequireAccess({ children, allow }: AccessProps) {
  const { access } = useSession();
  if (!access || !allow(access)) return <Navigate to="/" replace />;
  return <>{children}</>;
}
