/** Public surface of the auth feature: who is signed in, the guards, and the auth screens. */
export { authKeys } from './api';
export { AuthLayout } from './components/AuthLayout';
export { ForgotPasswordPage } from './components/ForgotPasswordPage';
export { LoginPage } from './components/LoginPage';
export { ResetPasswordPage } from './components/ResetPasswordPage';
export { VerifyEmailPage } from './components/VerifyEmailPage';
export { RegisterPage } from './components/RegisterPage';
export { RedirectIfSignedIn, RequireAuth } from './components/RequireAuth';
export { UserMenu } from './components/UserMenu';
export { endSession, useLogout } from './hooks/useAuthMutations';
export { useCurrentUser, useSignedInUser } from './hooks/useCurrentUser';
export { unsavedEditsWarning, useUnsavedEditsCheck } from './hooks/useUnsavedEdits';
