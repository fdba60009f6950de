/** Masking moved to common/masking.ts (certificates and the web use it too); same behaviour. */
export { maskName, maskPhone, normalizePhoneDigits } from '../../../../common/masking.ts';
