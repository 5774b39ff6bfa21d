/**
 * A National Insurance number as HMRC issues it: two prefix letters (never D, F, I, Q, U or V,
 * nor O second, nor the unused pairs BG GB NK KN TN NT ZZ), six digits and a suffix A to D.
 * One rule for the staff file and every form that makes a staff record.
 */
export const NI_NUMBER = /^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/;

/**
 * The example in hints and messages. HMRC's own "QQ 12 34 56 C" is refused by the rule (Q is never
 * a prefix letter), so an example must be one the rule accepts; the running digits show it is made up.
 */
export const NI_NUMBER_EXAMPLE = "AB 12 34 56 C";

/** What a form says when the number does not fit the rule: the start form and the staff form alike. */
export const NI_NUMBER_MESSAGE = `Enter a National Insurance number with two letters, six numbers and a letter from A to D, like ${NI_NUMBER_EXAMPLE}, or leave it blank`;
