/** Weights for the first eight digits of a Norwegian organisation number (Brønnøysundregistrene, MOD11). */
const MOD11_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * Whether `number` is a Norwegian organisation number: nine digits whose last is the MOD11 check
 * digit of the first eight (11 − weighted sum mod 11; 11 gives 0, and 10 is no valid number).
 */
export function isValidOrganisationNumber(number: string): boolean {
  if (!/^\d{9}$/.test(number)) return false;
  const sum = MOD11_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(number[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(number[8]);
}
