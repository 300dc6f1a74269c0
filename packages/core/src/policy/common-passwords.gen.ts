// Placeholder until scripts/generate-common-passwords.ts runs.
export const COMMON_PASSWORDS = '0password\n8123\n0qwerty123';
