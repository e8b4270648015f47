/**
 * Personal-data protection (DOMAIN.md § Personal information): identifier validators,
 * the text scanner, person-name masking checks and the allow-list.
 */

export {
  COMPOUND_SURNAMES,
  EARLIEST_BIRTH_DATE,
  LATEST_BIRTH_DATE,
  creditCodeCheckChar,
  isMaskedName,
  isCalendarDate,
  isPlausibleBirthDate,
  isUnmaskedName,
  isValidCreditCode,
  isValidResidentId15,
  isValidResidentId18,
  luhnValid,
  residentIdCheckChar,
} from './identifiers';
export { maskValue, scanText } from './scan';
export type { Finding, FindingKind, ScanOptions } from './scan';
export { checkPersonName } from './names';
export type { PersonNameCheck } from './names';
export { allowSet, parseAllowList } from './allow';
export type { AllowEntry, AllowListResult } from './allow';
