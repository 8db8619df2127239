/**
 * The agreement coefficients against published worked examples with known answers (not against
 * another run of this code), then the passage- and character-level comparison on small cases
 * worked out by hand.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cohensKappa, compareCoding, fleissKappa, krippendorffAlphaNominal, percentAgreement, unitsFromCoderRows } from '../dist/index.js';

const close = (actual, expected, digits = 3) => assert.equal(Number(actual.toFixed(digits)), Number(expected.toFixed(digits)), `${actual} is not ${expected} to ${digits} places`);

test("Krippendorff's own example: 4 observers, 12 units, missing values, nominal alpha = 0.743", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C (nominal data, any number of observers, missing values).
  const _ = null;
  const rows = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _], // observer A
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3], // observer B
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _], // observer C
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _], // observer D
  ];
  close(krippendorffAlphaNominal(unitsFromCoderRows(rows)), 0.743);
});

test("Wikipedia's Krippendorff's alpha computational example: 3 coders, 15 units, nominal alpha = 0.691", () => {
  const _ = null;
  const rows = [
    [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
    [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
    [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
  ];
  close(krippendorffAlphaNominal(unitsFromCoderRows(rows)), 0.691);
});

test("Fleiss (1971) as worked in Wikipedia's Fleiss' kappa article: 10 subjects, 14 raters, 5 categories, kappa = 0.210", () => {
  const counts = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];
  close(fleissKappa(counts), 0.21);
  // Weighted subjects are the same subjects counted several times.
  close(fleissKappa([...counts, ...counts]), 0.21);
  close(fleissKappa(counts, counts.map(() => 3)), 0.21);
});

test("Cohen's kappa, Wikipedia's example: 50 grant proposals, two readers, kappa = 0.4", () => {
  // Both yes 20, A yes / B no 5, A no / B yes 10, both no 15: p_o = 0.7, p_e = 0.5.
  close(cohensKappa([[20, 5], [10, 15]]), 0.4);
});

test("Cohen's kappa, Conover's Practical Nonparametric Statistics example 10.11 (two dentists): kappa = 0.4175", () => {
  // Dentist A: needed 45 (B agrees on 40), not needed 55 (B: needed 25, not needed 30).
  close(cohensKappa([[40, 5], [25, 30]]), 0.4175, 4);
});

test('percent agreement counts units with at least two values, whoever coded them', () => {
  const units = unitsFromCoderRows([
    [1, 1, 2, null],
    [1, 2, 2, 1],
  ]);
  assert.equal(percentAgreement(units), 2 / 3);
  assert.equal(percentAgreement([]), null);
});

test('undefined coefficients are null, not NaN: no variation at all', () => {
  assert.equal(cohensKappa([[5, 0], [0, 0]]), null);
  assert.equal(krippendorffAlphaNominal(unitsFromCoderRows([[1, 1], [1, 1]])), null);
  assert.equal(fleissKappa([[3, 0], [3, 0]]), null);
});

// Two documents: passages [0,10) [10,20) [20,30) and [0,5) [5,10).
const DOCUMENTS = [
  { length: 30, passages: [{ start: 0, end: 10 }, { start: 10, end: 20 }, { start: 20, end: 30 }] },
  { length: 10, passages: [{ start: 0, end: 5 }, { start: 5, end: 10 }] },
];

test('passage units: a span applies its tag to every passage it overlaps; kappa and alpha from the published formulas', () => {
  const spans = [
    // Analyst 0 codes tag 0 across passages 1 and 2 of document 0 (a span crossing a boundary).
    { analyst: 0, document: 0, tag: 0, start: 5, end: 12 },
    // Analyst 1 codes tag 0 in passage 1 only, twice (overlapping spans count once).
    { analyst: 1, document: 0, tag: 0, start: 2, end: 6 },
    { analyst: 1, document: 0, tag: 0, start: 4, end: 9 },
    // Both code document 1: analyst 0 tags passage 2, analyst 1 tags passage 2 too.
    { analyst: 0, document: 1, tag: 0, start: 6, end: 8 },
    { analyst: 1, document: 1, tag: 0, start: 5, end: 10 },
  ];
  const result = compareCoding({ analystCount: 2, documents: DOCUMENTS, tagCount: 1, spans });
  const tag = result.tags[0];
  assert.deepEqual(tag.passagesCoded, [3, 2]);
  // Units: 5 passages. A = [1,1,0,0,1], B = [1,0,0,0,1]: table [[both 2, A only 1], [B only 0, neither 2]].
  assert.equal(tag.passages.units, 5);
  assert.equal(tag.passages.percentAgreement, 4 / 5);
  close(tag.passages.cohensKappa, cohensKappa([[2, 1], [0, 2]]));
  close(tag.passages.krippendorffAlpha, krippendorffAlphaNominal(unitsFromCoderRows([[1, 1, 0, 0, 1], [1, 0, 0, 0, 1]])));
  close(tag.passages.fleissKappa, fleissKappa([[0, 2], [1, 1], [2, 0], [2, 0], [0, 2]]));
  // Characters: doc 0 A=[5,12) B=[2,9): both [5,9)=4, A only [9,12)=3, B only [2,5)=3, neither 20;
  // doc 1 A=[6,8) B=[5,10): both 2, B only 3, neither 5.
  assert.deepEqual({ ...tag.characters, kappa: undefined, percentAgreement: undefined }, { characters: 40, agreedCoded: 6, agreedUncoded: 25, kappa: undefined, percentAgreement: undefined });
  assert.equal(tag.characters.percentAgreement, 31 / 40);
  close(tag.characters.kappa, cohensKappa([[6, 3], [6, 25]]));
});

test('an analyst with no span in a document has not coded it: missing, not "absent"', () => {
  const spans = [
    { analyst: 0, document: 0, tag: 0, start: 0, end: 3 },
    { analyst: 1, document: 0, tag: 0, start: 0, end: 3 },
    { analyst: 2, document: 0, tag: -1, start: 25, end: 26 }, // another tag: analyst 2 did code document 0
    { analyst: 0, document: 1, tag: 0, start: 0, end: 3 },
    { analyst: 1, document: 1, tag: 0, start: 6, end: 7 },
  ];
  const result = compareCoding({ analystCount: 3, documents: DOCUMENTS, tagCount: 1, spans });
  const figures = result.tags[0].passages;
  // Document 0: 3 passages coded by all three; document 1: 2 passages coded by two (analyst 2 missing).
  assert.equal(figures.units, 5);
  assert.equal(figures.completeUnits, 3);
  const _ = null;
  close(figures.krippendorffAlpha, krippendorffAlphaNominal(unitsFromCoderRows([[1, 0, 0, 1, 0], [1, 0, 0, 0, 1], [0, 0, 0, _, _]])));
  close(figures.fleissKappa, fleissKappa([[1, 2], [3, 0], [3, 0]]));
  assert.equal(figures.cohensKappa, null);
  assert.equal(figures.percentAgreement, 2 / 5);
});

test('overall pools every (passage, tag) unit', () => {
  const spans = [
    { analyst: 0, document: 0, tag: 0, start: 0, end: 5 },
    { analyst: 1, document: 0, tag: 0, start: 0, end: 5 },
    { analyst: 0, document: 0, tag: 1, start: 5, end: 10 },
  ];
  const result = compareCoding({ analystCount: 2, documents: [DOCUMENTS[1]], tagCount: 2, spans });
  assert.equal(result.overall.units, 4);
  assert.equal(result.overall.percentAgreement, 3 / 4);
  close(result.overall.cohensKappa, cohensKappa([[1, 1], [0, 2]]));
});

test('many analysts (beyond the dense pattern table) give the same figures as the formulas', () => {
  const analystCount = 10;
  const spans = [];
  for (let analyst = 0; analyst < analystCount; analyst += 1) {
    spans.push({ analyst, document: 0, tag: 0, start: 0, end: 10 });
    if (analyst % 3 === 0) spans.push({ analyst, document: 0, tag: 0, start: 20, end: 25 });
  }
  const figures = compareCoding({ analystCount, documents: [DOCUMENTS[0]], tagCount: 1, spans }).tags[0].passages;
  const rows = Array.from({ length: analystCount }, (_unused, analyst) => [1, 0, analyst % 3 === 0 ? 1 : 0]);
  close(figures.krippendorffAlpha, krippendorffAlphaNominal(unitsFromCoderRows(rows)));
  close(figures.fleissKappa, fleissKappa([[0, 10], [10, 0], [6, 4]]));
  assert.equal(figures.percentAgreement, 2 / 3);
});
