import { z } from 'zod';
import { InstanceSettingValuesSchema } from './instance-settings.js';

/** What the client needs to know of the instance's configuration (public: shown before sign-in, nothing secret). */
export const InstanceSettingsSchema = z.object({
  /** Who may create an account. */
  registration: InstanceSettingValuesSchema.shape.registration,
  /** Who may create workspaces. */
  workspaceCreation: InstanceSettingValuesSchema.shape.workspaceCreation,
  defaultMemberRole: InstanceSettingValuesSchema.shape.defaultMemberRole,
  maxUploadMegabytes: z.number().int(),
  /** Images from other sites are shown in Markdown; otherwise they are links. */
  markdownRemoteImages: z.boolean(),
  /** Email and password sign-in is offered. */
  passwordSignIn: z.boolean(),
  /** Email is configured: invitations and password resets are sent, not only handed over as links. */
  email: z.boolean(),
  /** Single sign-on through an OpenID Connect provider, when configured. */
  sso: z.object({ enabled: z.boolean(), label: z.string() }),
});
export type InstanceSettings = z.infer<typeof InstanceSettingsSchema>;
