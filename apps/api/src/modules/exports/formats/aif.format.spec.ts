import { describe, expect, it } from '@jest/globals';
import type { WorkspaceExport } from '@marginalia/shared';
import { sampleExport, SAMPLE_IDS } from '../../../../test/fixtures/exports/sample-export.js';
import { aifStructureProblems } from '../../../../test/fixtures/exports/aif-structure.js';
import { collectOutput } from './collect-output.js';
import { aifExportFormat, writeAif, type AifDocument } from './aif.format.js';

async function aifOf(snapshot: WorkspaceExport, options: Record<string, string>): Promise<AifDocument> {
  return JSON.parse((await collectOutput(aifExportFormat.serialize(snapshot, options))).toString('utf8')) as AifDocument;
}

describe('AIF JSON export', () => {
  it('maps nodes to I-nodes, supports to RA and opposes to CA, structured as OVA loads it', async () => {
    const aif = await aifOf(sampleExport(), {});
    expect(aifStructureProblems(aif)).toEqual([]);
    const text = (id: string) => aif.nodes.find((node) => node.nodeID === id)!.text;
    const via = (type: string) =>
      aif.nodes
        .filter((node) => node.type === type)
        .map((scheme) => `${aif.edges.filter((e) => e.toID === scheme.nodeID).map((e) => text(e.fromID)).join('+')} -${scheme.text}-> ${text(aif.edges.find((e) => e.fromID === scheme.nodeID)!.toID)}`);
    expect(via('RA')).toEqual(['Politeness -Answer-> Why do people wave?', '😀 hello -Default Inference-> Waving is friendly', 'Politeness -Explanation-> Waving is friendly']);
    expect(via('CA')).toEqual(['People notice -Default Conflict-> Waving is friendly', 'People notice -Qualification-> Politeness']);
    // Notes are commentary, not propositions.
    expect(aif.nodes.map((node) => node.text)).not.toContain('Check later');
    expect(aif.locutions).toEqual([]);
  });

  it('exports only the maps asked for', async () => {
    const snapshot = sampleExport();
    expect(await aifOf(snapshot, { maps: 'some-other-map' })).toEqual({ nodes: [], edges: [], locutions: [] });
    expect(writeAif(snapshot.maps).nodes.length).toBeGreaterThan(0);
    expect((await aifOf(snapshot, { maps: SAMPLE_IDS.map })).nodes).toHaveLength(10);
  });
});
