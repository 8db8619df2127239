import { describe, expect, it } from '@jest/globals';
import { findActorMentions, mayMentionActors } from './actor-mentions.js';

const names = (text: string): string[] => findActorMentions(text).map((mention) => mention.name);

describe('findActorMentions', () => {
  it.each([
    ['“…loyal to the regime,” said Su Tzu-yun, a senior analyst at Taiwan’s government-funded Institute for National Defense and Security Research.', 'Su Tzu-yun', 'senior analyst at Taiwan’s government-funded Institute for National Defense and Security Research'],
    ['Malcolm Davis, a senior analyst on China at the Australian Strategic Policy Institute, said Beijing “wants to put business companies” in line.', 'Malcolm Davis', 'senior analyst on China at the Australian Strategic Policy Institute'],
    ['Current affairs commentator Li Linyi told Dajiyuan that the bureaus compete.', 'Li Linyi', 'current affairs commentator'],
    ['Yao Yuan, an international studies professor at St. Thomas University in the United States, told Epoch Times that confidence is declining.', 'Yao Yuan', 'international studies professor at St. Thomas University in the United States'],
    ['Wang Juntao, Chairman of the China Democracy Party who has long been concerned about it, told Epoch Times that it stems from autocracy.', 'Wang Juntao', 'Chairman of the China Democracy Party'],
  ])('finds the speaker and their affiliation in %s', (text, name, affiliation) => {
    expect(findActorMentions(text)).toEqual([expect.objectContaining({ name, affiliation })]);
    expect(mayMentionActors(text)).toBe(true);
  });

  it('finds a speaker at the start of a sentence without an affiliation', () => {
    expect(findActorMentions('Shen Mingshi stated that the emphasis on reporting spies is related.')).toEqual([expect.objectContaining({ name: 'Shen Mingshi', affiliation: null })]);
  });

  it('does not mistake organisations, places or pronouns for people', () => {
    expect(names('The Public Security Bureau stated that departments must train staff. China’s Foreign Ministry noted the case. He also said more.')).toEqual([]);
    expect(names('Reuters reported that Chinese official media said so. The Chinese Communist Party stated its aims.')).toEqual([]);
  });

  it('reports where each mention is, for the evidence sentence', () => {
    const text = 'Intro. Shen Mingshi stated one thing.';
    expect(findActorMentions(text)[0]?.index).toBe(text.indexOf('Shen'));
  });

  it('lets passages without a speech verb skip the patterns', () => {
    expect(mayMentionActors('The committee met on Tuesday and the weather was fine.')).toBe(false);
    // A word that merely contains a verb is not one.
    expect(mayMentionActors('Nobody saidthat; it stayed unsaid.')).toBe(false);
    expect(mayMentionActors('According to Shen Mingshi, nothing changed.')).toBe(false);
    expect(mayMentionActors('It rose, according to Shen Mingshi.')).toBe(true);
  });
});
