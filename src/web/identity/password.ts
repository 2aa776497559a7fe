import { checkPasswordStrength } from '../../server/identity/engine/lockout.ts';

/** The server's own rule (8–64 characters, at least two of letters/digits/symbols), so the form and the API agree. */
export const isStrongPassword = (pw: string) => checkPasswordStrength(pw).ok;

export function passwordChecks(pw: string): { length: boolean; classes: number } {
  return {
    length: pw.length >= 8 && pw.length <= 64,
    classes: [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((r) => r.test(pw)).length,
  };
}
