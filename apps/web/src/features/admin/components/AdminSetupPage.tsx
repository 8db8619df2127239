/**
 * /setup/:token, the one-time link the server prints at start-up while the instance has no
 * admin. Signed in (RequireAuth sends others to log in and back), one button makes the
 * current account the instance admin.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { Button, FormError } from '../../../ui';
import { authKeys, AuthLayout, useSignedInUser } from '../../auth';
import { claimAdminSetup } from '../api';

export function AdminSetupPage() {
  const { token = '' } = useParams();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const claim = useMutation({
    mutationFn: () => claimAdminSetup(token),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: authKeys.me });
      await navigate('/admin/users', { replace: true });
    },
  });
  useDocumentTitle('Set up this instance');

  return (
    <AuthLayout title="Become this instance’s administrator">
      <div className="stack">
        <p>
          This link was printed when the server started, because the instance has no administrator yet. It works once: the account that uses
          it, you ({user.email}), will manage every account on this server.
        </p>
        <FormError error={claim.error} />
        <div className="button-row">
          <Button variant="primary" busy={claim.isPending} onClick={() => claim.mutate()}>
            Become administrator
          </Button>
        </div>
      </div>
    </AuthLayout>
  );
}
