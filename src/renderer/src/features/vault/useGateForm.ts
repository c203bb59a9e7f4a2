/**
 * The state and actions behind the vault gate: the folder, passphrases, the pending call
 * and its error. Passphrases are dropped from state as soon as a call ends, successful
 * or not, so none lingers in memory longer than the form needs it.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultInfo } from '../../../../shared/api';
import type { TamgaError } from '../../../../shared/errors';
import { passphraseProblem } from '../../../../shared/passphrase-policy';
import { asTamgaError, shell, tamga } from '../../api';
import { draftToInput, EMPTY_OPERATOR_DRAFT, type OperatorDraft } from '../operator/OperatorFields';
import { REQUIRED_SCORE } from './strength';
import { usePassphraseStrength } from './usePassphraseStrength';
import { useVaultPreview } from './useVaultPreview';

export function useGateForm(initialPath: string, onOpened: (info: VaultInfo) => Promise<void>) {
  const { t } = useTranslation();
  const [path, setPath] = useState(initialPath);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [legacyHashes, setLegacyHashes] = useState(false);
  const [operator, setOperator] = useState<OperatorDraft>(EMPTY_OPERATOR_DRAFT);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TamgaError | null>(null);
  const [created, setCreated] = useState<VaultInfo | null>(null);
  const preview = useVaultPreview(path);
  const strength = usePassphraseStrength(passphrase);
  const tooShort = passphrase !== '' && passphraseProblem(passphrase) !== null;
  const acceptable = !tooShort && passphrase !== '' && strength !== null && strength.score >= REQUIRED_SCORE;

  const run = useCallback(async (call: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
    } catch (err) {
      setError(asTamgaError(err));
    } finally {
      setPassphrase('');
      setConfirm('');
      setBusy(false);
    }
  }, []);

  const chooseFolder = useCallback(async (title: string) => {
    try {
      const chosen = await shell.chooseFolder({ title });
      if (chosen !== null) setPath(chosen);
    } catch (err) {
      setError(asTamgaError(err));
    }
  }, []);

  const unlock = (): Promise<void> => run(async () => onOpened(await tamga.unlockVault({ path: path.trim(), passphrase })));
  const create = (): Promise<void> => run(async () => setCreated(await tamga.createVault({ path: path.trim(), passphrase, legacyHashes, operator: draftToInput(operator) })));
  const clearError = (): void => setError(null);

  return {
    path,
    setPath: (value: string) => {
      setPath(value);
      clearError();
    },
    passphrase,
    setPassphrase: (value: string) => {
      setPassphrase(value);
      clearError();
    },
    confirm,
    setConfirm,
    legacyHashes,
    setLegacyHashes,
    operator,
    setOperator: (draft: OperatorDraft) => {
      setOperator(draft);
      clearError();
    },
    busy,
    error,
    clearError,
    preview,
    strength,
    tooShort,
    acceptable,
    created,
    chooseVaultFolder: () => chooseFolder(t('vault.chooseFolderTitle')),
    unlock,
    create,
  };
}
