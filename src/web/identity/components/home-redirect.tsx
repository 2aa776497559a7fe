import { Navigate } from 'react-router-dom';
import { homePathOf } from '../session.ts';
import { useSignedIn } from './session-provider.tsx';

/** `/` leads to the first area the person's roles open. */
export function HomeRedirect() {
  const { access } = useSignedIn();
  return <Navigate to={homePathOf(access)} replace />;
}
