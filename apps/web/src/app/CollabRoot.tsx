/** The real-time connection for the screens below, one per signed-in person (see CollabProvider). */
import { Outlet } from 'react-router';
import { CollabProvider } from '../lib/collab';
import { useSignedInUser } from '../features/auth';

export function CollabRoot() {
  const user = useSignedInUser();
  return (
    <CollabProvider key={user.id} userId={user.id}>
      <Outlet />
    </CollabProvider>
  );
}
