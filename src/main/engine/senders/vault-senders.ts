/**
 * The vault's known senders (table known_senders, migration 0006): list, add, remove.
 * Each change is written together with its custody event on the vault's chain, in one
 * transaction: 'sender-added' {fingerprint, name}, 'sender-removed' {fingerprint, name}.
 */
import { vaultChainName } from '../../../shared/custody';
import { TamgaError } from '../../../shared/errors';
import { checkSenderName, parseFingerprint, type AddSenderRequest, type KnownSender } from '../../../shared/senders';
import { appendEvent } from '../custody/store';
import { schemaVersion } from '../db/migrate';
import type { OpenVault } from '../vault/vault';

interface SenderRow {
  readonly fingerprint: string;
  readonly name: string;
  readonly addedAt: string;
}

const nameKey = (name: string): string => name.toLowerCase();

/** The schema that made known_senders (a vault opened read-only may be older: it has none). */
const SENDERS_SCHEMA = 6;

export function listVaultSenders(vault: OpenVault): KnownSender[] {
  if (schemaVersion(vault.db) < SENDERS_SCHEMA) return [];
  return vault.db.prepare<[], SenderRow>('SELECT fingerprint, name, added_at AS addedAt FROM known_senders ORDER BY name_key, fingerprint').all();
}

/** The fingerprint in 64 lower-case hex digits, or INVALID_ARGUMENT saying what one looks like. */
export function requireFingerprint(input: unknown): string {
  const fingerprint = typeof input === 'string' ? parseFingerprint(input) : null;
  if (fingerprint === null) throw new TamgaError('INVALID_ARGUMENT', 'A key fingerprint is 64 hexadecimal digits (SHA-256 of the public key), as `tamga info` prints it.');
  return fingerprint;
}

export function requireSenderName(input: unknown): string {
  const checked = checkSenderName(typeof input === 'string' ? input : '');
  if ('problem' in checked) throw new TamgaError('INVALID_ARGUMENT', checked.problem);
  return checked.name;
}

export function addVaultSender(vault: OpenVault, request: AddSenderRequest): KnownSender {
  const fingerprint = requireFingerprint(request.fingerprint);
  const name = requireSenderName(request.name);
  return vault.db.transaction((): KnownSender => {
    const same = vault.db.prepare<[string, string], SenderRow>('SELECT fingerprint, name, added_at AS addedAt FROM known_senders WHERE fingerprint = ? OR name_key = ?').all(fingerprint, nameKey(name));
    for (const row of same) {
      if (row.fingerprint === fingerprint) throw new TamgaError('ALREADY_EXISTS', `That key is already a known sender, as "${row.name}"; remove it first to rename it.`);
      throw new TamgaError('ALREADY_EXISTS', `A known sender is already called "${row.name}" (key ${row.fingerprint}).`);
    }
    const event = appendEvent(vault.db, vault.signer, { chain: vaultChainName(vault.vaultFile.vaultId), type: 'sender-added', actor: vault.actor, data: { fingerprint, name } });
    vault.db.prepare('INSERT INTO known_senders (fingerprint, name, name_key, added_at) VALUES (?, ?, ?, ?)').run(fingerprint, name, nameKey(name), event.event.at);
    return { fingerprint, name, addedAt: event.event.at };
  }).immediate();
}

/** Removes the sender named (ignoring case) or with that fingerprint; NOT_FOUND when there is none. */
export function removeVaultSender(vault: OpenVault, nameOrFingerprint: string): KnownSender {
  if (typeof nameOrFingerprint !== 'string' || nameOrFingerprint.trim() === '') throw new TamgaError('INVALID_ARGUMENT', 'Name the sender to remove, by name or by fingerprint.');
  const fingerprint = parseFingerprint(nameOrFingerprint);
  return vault.db.transaction((): KnownSender => {
    const row =
      fingerprint !== null
        ? vault.db.prepare<[string], SenderRow>('SELECT fingerprint, name, added_at AS addedAt FROM known_senders WHERE fingerprint = ?').get(fingerprint)
        : vault.db.prepare<[string], SenderRow>('SELECT fingerprint, name, added_at AS addedAt FROM known_senders WHERE name_key = ?').get(nameKey(nameOrFingerprint.normalize('NFC').trim()));
    if (row === undefined) throw new TamgaError('NOT_FOUND', `No known sender is ${fingerprint !== null ? 'that key' : `called "${nameOrFingerprint.trim()}"`}.`);
    appendEvent(vault.db, vault.signer, { chain: vaultChainName(vault.vaultFile.vaultId), type: 'sender-removed', actor: vault.actor, data: { fingerprint: row.fingerprint, name: row.name } });
    vault.db.prepare('DELETE FROM known_senders WHERE fingerprint = ?').run(row.fingerprint);
    return row;
  }).immediate();
}
