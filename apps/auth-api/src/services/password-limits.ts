/** Password length limits: here, apart from the hashing, so the request schemas load no native code. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
