/**
 * Analyst comparison. Units are passages: a tag applies to a passage for an analyst when any of
 * the analyst's spans with that tag overlaps it. An analyst with no annotation at all in a
 * document has not coded it: their values there are missing (Krippendorff's alpha allows it;
 * the kappas use only the passages every compared analyst coded).
 */
import { z } from 'zod';
import { UuidSchema } from './common.js';

export const AGREEMENT_MAX_ANALYSTS = 20;

const idList = (what: string, max: number) =>
  z
    .string()
    .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(UuidSchema).max(max, `at most ${max} ${what}`));

export const AgreementQuerySchema = z.strictObject({
  /** Comma-separated user ids, at least two. */
  analysts: idList('analysts', AGREEMENT_MAX_ANALYSTS).refine((ids) => new Set(ids).size >= 2, { message: 'give at least two different analysts' }),
  /** Comma-separated document ids (default: every document). */
  documents: idList('documents', 10_000).optional(),
  /** Comma-separated tag ids (default: every tag). */
  tags: idList('tags', 5_000).optional(),
});
export type AgreementQuery = z.input<typeof AgreementQuerySchema>;

/** Agreement figures; null when undefined for the data (e.g. no unit, or no variation at all). */
export const AgreementFiguresSchema = z.object({
  /** Passages (or characters) with a value from at least two analysts. */
  units: z.number().int(),
  /** Of those, coded by every compared analyst (what the kappas use). */
  completeUnits: z.number().int(),
  /** Share of units where every analyst who coded it agrees. */
  percentAgreement: z.number().nullable(),
  /** Two analysts only. */
  cohensKappa: z.number().nullable(),
  fleissKappa: z.number().nullable(),
  krippendorffAlpha: z.number().nullable(),
});
export type AgreementFigures = z.infer<typeof AgreementFiguresSchema>;

/** NVivo-style coding comparison: characters rather than passages. */
export const CharacterAgreementSchema = z.object({
  characters: z.number().int(),
  /** Characters every analyst coded with the tag / none did. */
  agreedCoded: z.number().int(),
  agreedUncoded: z.number().int(),
  percentAgreement: z.number().nullable(),
  /** Cohen's kappa with two analysts, Fleiss' with more, over the characters all of them coded. */
  kappa: z.number().nullable(),
});
export type CharacterAgreement = z.infer<typeof CharacterAgreementSchema>;

export const AgreementReportSchema = z.object({
  analysts: z.array(UuidSchema),
  documents: z.number().int(),
  passages: z.number().int(),
  /** Every (passage, tag) pair as one binary unit. */
  overall: AgreementFiguresSchema,
  tags: z.array(
    z.object({
      tagId: UuidSchema,
      /** Passages each analyst applied the tag to, in the order of `analysts`. */
      passagesCoded: z.array(z.number().int()),
      passages: AgreementFiguresSchema,
      characters: CharacterAgreementSchema,
    }),
  ),
});
export type AgreementReport = z.infer<typeof AgreementReportSchema>;
