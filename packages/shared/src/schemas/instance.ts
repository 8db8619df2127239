import { z } from 'zod';

/** What the client needs to know of the instance's configuration (public: shown before sign-in). */
export const InstanceSettingsSchema = z.object({
  /** Who may create an account (REGISTRATION). */
  registration: z.enum(['open', 'invite-only', 'closed']),
  /** Images from other sites are shown in Markdown (MARKDOWN_REMOTE_IMAGES); otherwise they are links. */
  markdownRemoteImages: z.boolean(),
});
export type InstanceSettings = z.infer<typeof InstanceSettingsSchema>;
