import { randomBytes } from "node:crypto";
import { CERTIFICATE_ALPHABET, CERTIFICATE_CODE_LENGTH } from "../../../shared/schemas/training-delivery";

/**
 * A certificate's code: 12 characters from 32 that cannot be mistaken for each other (no 0/O,
 * 1/I/L), 60 random bits, so guessing one that was issued is hopeless. 256 is a multiple of 32,
 * so taking each byte modulo 32 favours no character.
 */
export function newCertificateCode(): string {
  const bytes = randomBytes(CERTIFICATE_CODE_LENGTH);
  let out = "";
  for (const b of bytes) out += CERTIFICATE_ALPHABET[b % CERTIFICATE_ALPHABET.length];
  return out;
}

/** Whether text could be a code at all (checked before any database read). */
export const CODE_SHAPE = new RegExp(`^[${CERTIFICATE_ALPHABET}]{${CERTIFICATE_CODE_LENGTH}}$`);
