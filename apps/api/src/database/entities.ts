import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { LoginAttempt } from '../modules/auth/login-attempt.entity.js';
import { PersonalToken } from '../modules/auth/personal-token.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { CorpusDocument } from '../modules/documents/document.entity.js';
import { Invite } from '../modules/workspaces/invite.entity.js';
import { Membership } from '../modules/workspaces/membership.entity.js';
import { Workspace } from '../modules/workspaces/workspace.entity.js';

/** Every entity, listed explicitly: glob loading does not work for ES modules. */
export const ENTITIES = [User, Session, PersonalToken, LoginAttempt, Workspace, Membership, Invite, AuditEntry, CorpusDocument];
