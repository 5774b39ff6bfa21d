import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  type KeyObject,
  randomBytes,
} from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** A random URL-safe token for cookies and emailed links. */
export const newToken = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** Tokens are stored only as their SHA-256, so a database leak does not leak live links or sessions. */
export const sha256 = (value: string | Uint8Array) => createHash("sha256").update(value).digest("hex");

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 } as const;
export const hashPassword = (password: string) => hash(password, ARGON);
export const verifyPassword = async (stored: string, password: string) => {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
};

/** The key an email address's sign-in lock-out is kept under: keyed, so the table holds no addresses. */
export const lockoutKey = (secret: string, email: string) =>
  createHmac("sha256", `sign-in-lockout:${secret}`).update(email.trim().toLowerCase()).digest("hex");

/** The NI number in one canonical form: upper case, no spaces. */
export const normaliseNi = (ni: string) => ni.replace(/\s+/g, "").toUpperCase();

/** A keyed hash that links one person across employers without storing who they are. */
export function personKey(secret: string, ni: string): string {
  return createHmac("sha256", hmacKey(secret)).update(normaliseNi(ni)).digest("hex");
}
const hmacKeys = new Map<string, KeyObject>();
/** The HMAC key prepared once: preparing it per call was a fifth of the cost of a bulk upload's hashing. */
function hmacKey(secret: string) {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(`person-key:${secret}`));
    hmacKeys.set(secret, key);
  }
  return key;
}

const keys = new Map<string, Buffer>();
function encryptionKey(secret: string) {
  let key = keys.get(secret);
  if (!key) {
    key = createHash("sha256").update(`ni-encryption:${secret}`).digest();
    keys.set(secret, key);
  }
  return key;
}

// Random IVs drawn from a pool filled 4,096 at a time: a bulk upload encrypts 100,000 numbers,
// and one call to the random source per number was a third of the cost. Each IV is still random
// and used once.
const IV = 12;
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function nextIv() {
  if (ivAt + IV > ivPool.length) {
    ivPool = randomBytes(IV * 4096);
    ivAt = 0;
  }
  ivAt += IV;
  return ivPool.subarray(ivAt - IV, ivAt);
}

/** AES-256-GCM; output is iv.tag.ciphertext in base64url. */
export function encrypt(secret: string, plaintext: string): string {
  const iv = nextIv();
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(secret), iv);
  const data = cipher.update(plaintext, "utf8");
  cipher.final();
  return `${iv.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}.${data.toString("base64url")}`;
}

export function decrypt(secret: string, payload: string): string {
  const [iv, tag, data] = payload.split(".").map((p) => Buffer.from(p, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(secret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}
