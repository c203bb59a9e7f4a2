/**
 * The custody chain as `tamga show` prints it: the window's sentence per event (the
 * builder in src/shared/custody-sentence.ts), in the CLI's English, with times in this
 * computer's zone and its offset ("2021-01-10 14:02:00 +06:00") and every fact in full
 * (a terminal has no Copy button, so hashes are not shortened).
 */
import type { CustodyRecord } from '../shared/custody';
import { eventSentence, type SentenceFormat, type Words } from '../shared/custody-sentence';
import { offsetText } from './capture-text';

/** The English the sentence builder asks for (the window's are in its locale files). */
const WORDS: Readonly<Record<string, string>> = {
  'custody.fields.sha256': 'SHA-256',
  'custody.fields.sha1': 'SHA-1',
  'custody.fields.md5': 'MD5',
  'custody.fields.size': 'Size',
  'custody.fields.fileModified': 'File last changed',
  'custody.fields.fileCreated': 'File created',
  'custody.fields.warnings': 'Warnings',
  'custody.fields.bundleId': 'Bundle',
  'custody.fields.exhibit': 'Exhibit',
  'custody.fields.recipient': 'Recipient',
  'custody.fields.tagManifestSha256': 'Bundle manifest SHA-256',
  'custody.fields.caseId': 'Case id',
  'custody.fields.importId': 'Import',
  'custody.fields.keyFingerprint': 'Key fingerprint',
  'custody.fields.fingerprint': 'Key fingerprint',
  'custody.describedField.title': 'Title',
  'custody.describedField.description': 'Description',
  'custody.describedField.notes': 'Notes',
  'custody.describedField.place': 'Place',
  'custody.sentence.tool': 'Tamga {{version}}',
  'custody.sentence.toolCli': 'Tamga {{version}}, command line',
  'custody.sentence.byOperator': '{{act}} by {{operator}} ({{tool}}), {{when}}',
  'custody.sentence.byTool': '{{act}}, recorded by {{tool}} (no operator named), {{when}}',
  'custody.sentence.quoted': "'{{text}}'",
  'custody.sentence.bytes': '{{bytes}} bytes',
  'custody.sentence.acquired': 'Imported from {{path}}',
  'custody.sentence.re-acquired': 'Imported again from {{path}} (the same content as already held)',
  'custody.sentence.extracted': 'Original saved to {{path}}',
  'custody.sentence.described_one': 'Description changed ({{count}} field)',
  'custody.sentence.described_other': 'Description changed ({{count}} fields)',
  'custody.sentence.fieldSet': '{{field}} set to {{new}}',
  'custody.sentence.fieldCleared': '{{field}} cleared (it was {{old}})',
  'custody.sentence.fieldChanged': '{{field}} changed from {{old}} to {{new}}',
  'custody.sentence.privateChanged': '{{field}} changed (private: the custody record holds a salted commitment, not the text)',
  'custody.sentence.madePrivate': 'Description made private (never exported)',
  'custody.sentence.madeExportable': 'Description no longer private (exported with the item)',
  'custody.sentence.tagged': 'Tagged {{tag}}',
  'custody.sentence.taggedAtImport': 'Tagged {{tag}} at import',
  'custody.sentence.untagged': 'Tag {{tag}} removed',
  'custody.sentence.added-to-case': 'Added to the case {{case}}',
  'custody.sentence.removed-from-case': 'Removed from the case {{case}}',
  'custody.sentence.viewed-original': 'Original viewed in the window',
  'custody.sentence.exportedExhibit': 'Exported as exhibit {{exhibit}}',
  'custody.sentence.exportedExhibitTo': 'Exported as exhibit {{exhibit}} for {{recipient}}',
  'custody.sentence.exported_one': 'A bundle of {{count}} exhibit exported',
  'custody.sentence.exported_other': 'A bundle of {{count}} exhibits exported',
  'custody.sentence.exportedTo_one': 'A bundle of {{count}} exhibit exported for {{recipient}}',
  'custody.sentence.exportedTo_other': 'A bundle of {{count}} exhibits exported for {{recipient}}',
  'custody.sentence.received': "Received in bundle {{bundle}} from {{sender}}, checked: {{verdict}}",
  'custody.sentence.receivedBag': "Taken in from a BagIt bag, its manifests checked (the record says what they showed)",
  'custody.sentence.receivedProofMode': "Taken in from a ProofMode share, its OpenPGP signatures checked (the record says what they showed)",
  'custody.sentence.delivered': "Receipt recorded: the holder of the key {{key}} ({{trust}}) signed that they received the exported bundle",
  'custody.sentence.deliveredTrustExpected': "the key you expected",
  'custody.sentence.deliveredTrustKnownSender': "a known sender",
  'custody.sentence.deliveredTrustUnconfirmed': "not confirmed",
  'custody.sentence.verified': 'Verified',
  'custody.sentence.vault-created': 'Vault created',
  'custody.sentence.passphrase-changed': 'Passphrase changed',
  'custody.sentence.export-abandoned': 'Export abandoned: the bundle was not finished',
  'custody.sentence.audit': 'Vault audited',
  'custody.sentence.sender-added': 'Known sender added',
  'custody.sentence.sender-removed': 'Known sender removed',
  'custody.sentence.operator-set': 'Operator recorded',
  'custody.sentence.operator-cleared': 'Operator cleared',
  'custody.sentence.timestamped': 'Timestamp received',
  'custody.sentence.replica-added': 'Copy added',
  'custody.sentence.replica-removed': 'Copy removed',
  'custody.sentence.replica-pushed': 'Vault copied to a replica',
  'custody.sentence.recovery-key-created': 'Recovery key created',
  'custody.sentence.recovery-key-rotated': 'Recovery key replaced',
  'custody.sentence.recovery-key-removed': 'Recovery key removed',
  'custody.sentence.recovered': 'Opened with the recovery key; new passphrase set',
  'custody.sentence.unknownKind': 'An event of kind {{kind}} (not known to this version)',
};

/** English plurals, as i18next picks them: `key_one` for 1, `key_other` otherwise. */
export const cliWords: Words = (key, values = {}) => {
  const count = values['count'];
  const plural = typeof count === 'number' ? `${key}_${count === 1 ? 'one' : 'other'}` : key;
  const template = WORDS[key] ?? WORDS[plural] ?? String(values['defaultValue'] ?? key);
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(values[name] ?? ''));
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** An instant in this computer's zone with its offset: "2021-01-10 14:02:00 +06:00". */
export function localTimeText(iso: string, date = new Date(iso)): string {
  if (Number.isNaN(date.getTime())) return iso;
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${offsetText(-date.getTimezoneOffset())}`;
}

const CLI_FORMAT: SentenceFormat = { time: (iso) => localTimeText(iso), bytes: (bytes) => ({ size: String(bytes), bytes: String(bytes) }) };

/** Each event as its sentence, then its changes and its facts indented below it, then the event's hash. */
export function custodyLines(records: readonly CustodyRecord[]): string[] {
  return records.flatMap(({ event, hash }) => {
    const said = eventSentence(event, cliWords, CLI_FORMAT);
    return [
      `  #${event.seq} ${said.sentence}`,
      ...said.changes.map((change) => `       ${change.text}`),
      ...said.facts.map((fact) => `       ${fact.label}: ${fact.copy ?? fact.text}`),
      `       event hash ${hash}`,
    ];
  });
}
