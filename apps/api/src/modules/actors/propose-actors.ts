/**
 * Proposes actors (people quoted in the corpus) from the text of documents, as candidates for
 * a person to accept or dismiss. Never creates actors itself. Dismissed candidates stay
 * dismissed; names that already are actors are not proposed again.
 */
import { OffsetMap } from '@marginalia/shared';
import type { EntityManager } from 'typeorm';
import type { StoredPassage } from '../documents/document-writer.js';
import type { CandidateEvidence } from './actor-candidate.entity.js';
import { findActorMentions, mayMentionActors } from './actor-mentions.js';

/** Evidence kept per candidate: enough to judge, not the whole corpus. */
const MAX_EVIDENCE = 10;
const MAX_QUOTE = 400;

interface Proposal {
  name: string;
  affiliation: string | null;
  evidence: CandidateEvidence[];
}

interface ExistingCandidate {
  id: string;
  key: string;
  status: 'pending' | 'accepted' | 'dismissed';
  affiliation: string | null;
  evidence: CandidateEvidence[];
}

/** Reads the documents' passages, then proposes from them (a refresh, the seed). */
export async function proposeActorCandidates(manager: EntityManager, workspaceId: string, documentIds: string[]): Promise<number> {
  if (documentIds.length === 0) return 0;
  const passages = (await manager.query(
    `SELECT id, document_id AS "documentId", index, start, "end", text, sentences
       FROM passages WHERE workspace_id = $1 AND document_id = ANY($2::uuid[])
      ORDER BY document_id, index`,
    [workspaceId, documentIds],
  )) as StoredPassage[];
  return await proposeFromPassages(manager, workspaceId, passages);
}

/**
 * Proposes from passages in hand (an import has just written them), in two statements at
 * most: new names are inserted, pending candidates gain evidence. Called inside the
 * transaction that stores the documents.
 */
export async function proposeFromPassages(manager: EntityManager, workspaceId: string, passages: readonly StoredPassage[]): Promise<number> {
  const proposals = collectProposals(passages);
  if (proposals.size === 0) return 0;
  const keys = [...proposals.keys()];
  const taken = (await manager.query(`SELECT lower(name) AS key FROM actors WHERE workspace_id = $1 AND lower(name) = ANY($2::text[])`, [workspaceId, keys])) as { key: string }[];
  const actorNames = new Set(taken.map((row) => row.key));
  const existing = (await manager.query(
    `SELECT id, lower(name) AS key, status, affiliation, evidence FROM actor_candidates WHERE workspace_id = $1 AND lower(name) = ANY($2::text[])`,
    [workspaceId, keys],
  )) as ExistingCandidate[];
  const byKey = new Map(existing.map((candidate) => [candidate.key, candidate]));
  const added: Proposal[] = [];
  const grown: ExistingCandidate[] = [];
  for (const [key, proposal] of proposals) {
    if (actorNames.has(key)) continue;
    const candidate = byKey.get(key);
    if (!candidate) added.push({ ...proposal, evidence: proposal.evidence.slice(0, MAX_EVIDENCE) });
    else if (candidate.status === 'pending') grown.push(withMoreEvidence(candidate, proposal));
  }
  let inserted = 0;
  if (added.length > 0) {
    // A refresh running meanwhile may have proposed the same name: it keeps its candidate.
    const rows = (await manager.query(
      `INSERT INTO actor_candidates (workspace_id, name, affiliation, status, evidence)
       SELECT $1, c.name, c.affiliation, 'pending', c.evidence FROM unnest($2::text[], $3::text[], $4::jsonb[]) AS c(name, affiliation, evidence)
       ON CONFLICT DO NOTHING RETURNING id`,
      [workspaceId, added.map((p) => p.name), added.map((p) => p.affiliation), added.map((p) => JSON.stringify(p.evidence))],
    )) as unknown[];
    inserted = rows.length;
  }
  if (grown.length > 0) {
    await manager.query(
      `UPDATE actor_candidates a SET evidence = c.evidence, affiliation = c.affiliation, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) AS c(id, affiliation, evidence) WHERE a.id = c.id`,
      [grown.map((c) => c.id), grown.map((c) => c.affiliation), grown.map((c) => JSON.stringify(c.evidence))],
    );
  }
  return inserted;
}

function withMoreEvidence(candidate: ExistingCandidate, proposal: Proposal): ExistingCandidate {
  const seen = new Set(candidate.evidence.map((item) => `${item.passageId}:${item.start}`));
  const evidence = [...candidate.evidence, ...proposal.evidence.filter((item) => !seen.has(`${item.passageId}:${item.start}`))].slice(0, MAX_EVIDENCE);
  return { ...candidate, evidence, affiliation: candidate.affiliation ?? proposal.affiliation };
}

function collectProposals(passages: readonly StoredPassage[]): Map<string, Proposal> {
  const proposals = new Map<string, Proposal>();
  for (const passage of passages) {
    if (!mayMentionActors(passage.text)) continue;
    const offsets = new OffsetMap(passage.text);
    for (const mention of findActorMentions(passage.text)) {
      const at = passage.start + offsets.toCodePoint(mention.index);
      const sentence = passage.sentences.find(([start, end]) => start <= at && at < end) ?? [passage.start, passage.start + offsets.codePointLength];
      const quote = offsets.slice(sentence[0] - passage.start, sentence[1] - passage.start);
      const key = mention.name.toLowerCase();
      const proposal = proposals.get(key) ?? { name: mention.name, affiliation: null, evidence: [] };
      proposal.affiliation ??= mention.affiliation;
      if (!proposal.evidence.some((item) => item.passageId === passage.id && item.start === sentence[0])) {
        proposal.evidence.push({
          documentId: passage.documentId,
          passageId: passage.id,
          start: sentence[0],
          end: sentence[1],
          quote: quote.length > MAX_QUOTE ? `${quote.slice(0, MAX_QUOTE)}…` : quote,
        });
      }
      proposals.set(key, proposal);
    }
  }
  return proposals;
}
