/**
 * Proposes actors (people quoted in the corpus) from the text of documents, as candidates for
 * a person to accept or dismiss. Never creates actors itself. Dismissed candidates stay
 * dismissed; names that already are actors are not proposed again.
 */
import { OffsetMap } from '@marginalia/shared';
import type { EntityManager } from 'typeorm';
import { Passage } from '../documents/passage.entity.js';
import { ActorCandidate, type CandidateEvidence } from './actor-candidate.entity.js';
import { findActorMentions } from './actor-mentions.js';

/** Evidence kept per candidate: enough to judge, not the whole corpus. */
const MAX_EVIDENCE = 10;
const MAX_QUOTE = 400;

interface Proposal {
  name: string;
  affiliation: string | null;
  evidence: CandidateEvidence[];
}

/** Called inside the transaction that stores new documents (imports, seed), or by a refresh. */
export async function proposeActorCandidates(manager: EntityManager, workspaceId: string, documentIds: string[]): Promise<number> {
  if (documentIds.length === 0) return 0;
  const passages = await manager
    .createQueryBuilder(Passage, 'p')
    .select(['p.id', 'p.documentId', 'p.start', 'p.text', 'p.sentences', 'p.index'])
    .where('p.workspace_id = :workspaceId AND p.document_id IN (:...documentIds)', { workspaceId, documentIds })
    .orderBy('p.document_id')
    .addOrderBy('p.index')
    .getMany();
  const proposals = collectProposals(passages);
  if (proposals.size === 0) return 0;
  const existingActors = (await manager.query(`SELECT lower(name) AS name FROM actors WHERE workspace_id = $1`, [workspaceId])) as { name: string }[];
  const actorNames = new Set(existingActors.map((row) => row.name));
  const candidates = await manager.find(ActorCandidate, { where: { workspaceId } });
  const byName = new Map(candidates.map((candidate) => [candidate.name.toLowerCase(), candidate]));
  let proposed = 0;
  for (const [key, proposal] of proposals) {
    if (actorNames.has(key)) continue;
    const existing = byName.get(key);
    if (!existing) {
      await manager.insert(ActorCandidate, { workspaceId, name: proposal.name, affiliation: proposal.affiliation, status: 'pending', evidence: proposal.evidence.slice(0, MAX_EVIDENCE) });
      proposed += 1;
      continue;
    }
    if (existing.status !== 'pending') continue;
    const seen = new Set(existing.evidence.map((item) => `${item.passageId}:${item.start}`));
    const evidence = [...existing.evidence, ...proposal.evidence.filter((item) => !seen.has(`${item.passageId}:${item.start}`))].slice(0, MAX_EVIDENCE);
    await manager.update(ActorCandidate, { id: existing.id }, { evidence, affiliation: existing.affiliation ?? proposal.affiliation });
  }
  return proposed;
}

function collectProposals(passages: Passage[]): Map<string, Proposal> {
  const proposals = new Map<string, Proposal>();
  for (const passage of passages) {
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
