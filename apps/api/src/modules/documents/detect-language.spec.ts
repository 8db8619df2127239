import { describe, expect, it } from '@jest/globals';
import { detectLanguage } from '@marginalia/shared';

describe('detectLanguage', () => {
  it.each([
    ['zh', '国家安全部周一公布了新的反间谍安全规定，号召全社会积极参与反间谍工作，并鼓励民众举报。'],
    ['ja', '国家安全保障局は新しい規則を発表した。スパイ行為を通報するよう市民に呼びかけている。'],
    ['ko', '국가정보원은 새로운 규정을 발표했다. 시민들에게 간첩 행위를 신고하라고 촉구했다.'],
    ['ru', 'Министерство государственной безопасности призвало граждан сообщать о шпионах.'],
    ['en', 'The Ministry of State Security has called on the public to report spies, and this is new.'],
    ['de', 'Das Ministerium hat die Bürger aufgerufen, Spione zu melden, und das ist nicht neu.'],
    ['fr', 'Le ministère a appelé les citoyens à signaler les espions, et ce n’est pas la première fois dans le pays.'],
    ['es', 'El ministerio pidió a los ciudadanos que denuncien a los espías, y no es la primera vez para el país.'],
    ['zh', 'The Ministry of State Security 国家安全部周一公布了新的反间谍安全规定，号召全社会积极参与反间谍工作。'],
  ])('recognises %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('says nothing about text too short or too mixed to tell', () => {
    expect(detectLanguage('OK 123')).toBeNull();
    expect(detectLanguage('Xinhua Reuters Bloomberg Kyodo Yonhap Tass Interfax')).toBeNull();
    expect(detectLanguage('An English passage with a name: 习近平 said that this is the view of the party.')).toBe('en');
  });
});
