import { ActorCandidate } from '../modules/actors/actor-candidate.entity.js';
import { Actor } from '../modules/actors/actor.entity.js';
import { Attribution } from '../modules/actors/attribution.entity.js';
import { CollabDocument } from '../modules/collab/collab-document.entity.js';
import { CollabSnapshot } from '../modules/collab/collab-snapshot.entity.js';
import { CollabUpdate } from '../modules/collab/collab-update.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { InstanceAuditEntryRecord } from '../modules/audit/instance-audit-entry.entity.js';
import { InstanceSettingRecord } from '../modules/instance/instance-setting.entity.js';
import { AdminSetupToken } from '../modules/auth/admin-setup-token.entity.js';
import { LoginAttempt } from '../modules/auth/login-attempt.entity.js';
import { RegistrationAttempt } from '../modules/auth/registration-attempt.entity.js';
import { PersonalToken } from '../modules/auth/personal-token.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { CorpusDocument } from '../modules/documents/document.entity.js';
import { Passage } from '../modules/documents/passage.entity.js';
import { ImportJob } from '../modules/imports/import-job.entity.js';
import { ImportUpload } from '../modules/imports/import-upload.entity.js';
import { Invite } from '../modules/workspaces/invite.entity.js';
import { Membership } from '../modules/workspaces/membership.entity.js';
import { Workspace } from '../modules/workspaces/workspace.entity.js';
import { Tag } from '../modules/codebook/tag.entity.js';
import { CodingSettingsRow } from '../modules/codebook/coding-settings.entity.js';
import { Annotation } from '../modules/annotations/annotation.entity.js';
import { AnnotationTag } from '../modules/annotations/annotation-tag.entity.js';
import { ArgumentMapRecord } from '../modules/maps/argument-map.entity.js';
import { MapCitationRecord } from '../modules/maps/map-citation.entity.js';
import { MapElementRecord } from '../modules/maps/map-element.entity.js';
import { Thread } from '../modules/discussion/thread.entity.js';
import { CommentRecord } from '../modules/discussion/comment.entity.js';
import { CommentRevision } from '../modules/discussion/comment-revision.entity.js';
import { NotificationRecord } from '../modules/discussion/notification.entity.js';
import { ThreadRead } from '../modules/discussion/thread-read.entity.js';
import { EmailOutboxRecord } from '../modules/email/email-outbox.entity.js';
import { PasswordResetToken } from '../modules/email/password-reset-token.entity.js';
import { PasswordResetRequest } from '../modules/email/password-reset-request.entity.js';
import { InstanceInvite } from '../modules/email/instance-invite.entity.js';
import { EmailVerification } from '../modules/email/email-verification.entity.js';
import { SsoIdentity } from '../modules/sso/sso-identity.entity.js';
import { OidcTransaction } from '../modules/sso/oidc-transaction.entity.js';
import { ExportJobRecord } from '../modules/exports/export-jobs/export-job.entity.js';

/** Every entity, listed explicitly: glob loading does not work for ES modules. */
export const ENTITIES = [
  User, Session, PersonalToken, LoginAttempt, RegistrationAttempt, AdminSetupToken, Workspace, Membership, Invite, AuditEntry,
  CorpusDocument, Passage, Actor, ActorCandidate, Attribution, ImportJob, ImportUpload, CollabDocument, CollabUpdate, CollabSnapshot,
  Tag, CodingSettingsRow, Annotation, AnnotationTag, ArgumentMapRecord, MapCitationRecord,
  MapElementRecord, Thread, CommentRecord, CommentRevision, NotificationRecord, ThreadRead, InstanceSettingRecord,
  InstanceAuditEntryRecord,
  EmailOutboxRecord, PasswordResetToken, PasswordResetRequest, InstanceInvite, EmailVerification,
  SsoIdentity,
  OidcTransaction,
  ExportJobRecord,
];
