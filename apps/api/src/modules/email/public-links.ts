/** Links in emails and in answers: PUBLIC_URL when set, else where the request came from. */
import type { AppConfig } from '../../config/config.schema.js';

export function publicBase(config: AppConfig, origin: string): string {
  return (config.PUBLIC_URL ?? origin).replace(/\/+$/, '');
}
