/**
 * Public timestamp servers named as suggestions the user may type, as docs/formats.md
 * ("Well-known public TSAs") lists them. Never used unless the user saves one: Tamga
 * configures no server by default, and asks none on its own.
 */
export const WELL_KNOWN_TSAS: ReadonlyArray<{ readonly operator: string; readonly url: string }> = [
  { operator: 'FreeTSA', url: 'https://freetsa.org/tsr' },
  { operator: 'DigiCert', url: 'http://timestamp.digicert.com' },
  { operator: 'Sectigo', url: 'http://timestamp.sectigo.com' },
  { operator: 'GlobalSign', url: 'http://timestamp.globalsign.com/tsa/r6advanced1' },
];
