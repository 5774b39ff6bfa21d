// Limits shared by server and client, so the form and the API say the same thing.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/** Wrong passwords in a row before an account is locked for LOCKOUT_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;
/** Sign-in attempts from one address in SIGN_IN_WINDOW_MINUTES before it is slowed down. */
export const SIGN_IN_ATTEMPTS_PER_WINDOW = 20;
export const SIGN_IN_WINDOW_MINUTES = 10;
export const SESSION_DAYS = 14;
export const RESET_LINK_HOURS = 2;
/** Password reset requests from one address, and reset emails to one account, per RESET_WINDOW_MINUTES. */
export const RESET_REQUESTS_PER_ADDRESS = 10;
export const RESET_EMAILS_PER_ACCOUNT = 3;
export const RESET_WINDOW_MINUTES = 60;
export const INVITATION_DAYS = 14;
