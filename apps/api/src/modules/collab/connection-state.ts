/**
 * What the server remembers about one socket beyond its serialisable socket.data: the
 * documents it joined (with the access decided at join, updated by access changes) and its
 * rate limits. Lives as long as the socket.
 */
import type { AppConfig } from '../../config/config.schema.js';
import type { LiveDocument } from './live-document.js';
import { TokenBucket } from './token-bucket.js';

export interface JoinedDocument {
  live: LiveDocument;
  readOnly: boolean;
}

export class ConnectionState {
  readonly joined = new Map<string, JoinedDocument>();
  readonly updates: TokenBucket;
  readonly awareness: TokenBucket;

  constructor(config: AppConfig) {
    this.updates = new TokenBucket(config.COLLAB_UPDATES_PER_SECOND, config.COLLAB_UPDATE_BURST);
    this.awareness = new TokenBucket(config.COLLAB_AWARENESS_PER_SECOND, config.COLLAB_AWARENESS_BURST);
  }
}
