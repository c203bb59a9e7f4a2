/** Adding a selection to a case: an existing one, or a new one named here. */
import { useId, useState, type JSX } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/organise';

export interface CaseDialogProps {
  readonly count: number;
  readonly cases: readonly CaseSummary[];
  readonly open: boolean;
  readonly onClose: () => void;
  /** `create` when the name is a new case to make first. */
  readonly onApply: (name: string, create: { readonly description: string } | null) => void;
}

const NEW = '\u0000new';

export function CaseDialog({ count, cases, open, onClose, onApply }: CaseDialogProps): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  // Nothing picked yet means the first case: the cases may arrive after the dialog is made,
  // and a default fixed then ("a new case") stayed even once cases existed.
  const [picked, setChoice] = useState<string | null>(null);
  const choice = picked ?? cases[0]?.name ?? NEW;
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const creating = choice === NEW || cases.length === 0;
  const ready = creating ? name.trim() !== '' : true;
  const apply = (): void => {
    onApply(creating ? name.trim() : choice, creating ? { description: description.trim() } : null);
    setChoice(null);
    setName('');
    setDescription('');
  };
  return (
    <ModalOverlay className="overlay" isOpen={open} onOpenChange={(isOpen) => !isOpen && onClose()}>
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {t('organise.caseTitle', { count })}
          </Heading>
          {cases.length > 0 && (
            <div className="field">
              <label htmlFor={`${id}-case`}>{t('organise.case')}</label>
              <select id={`${id}-case`} value={creating ? NEW : choice} onChange={(e) => setChoice(e.target.value)}>
                {cases.map((c) => (
                  <option key={c.id} value={c.name}>
                    {c.name}
                  </option>
                ))}
                <option value={NEW}>{t('organise.newCaseOption')}</option>
              </select>
            </div>
          )}
          {creating && (
            <>
              <div className="field">
                <label htmlFor={`${id}-name`}>{t('organise.caseName')}</label>
                <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('organise.caseNamePlaceholder')} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-description`}>{t('organise.caseDescription')}</label>
                <textarea id={`${id}-description`} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
              </div>
            </>
          )}
          <p className="field-hint">{t('organise.caseRecorded')}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button-primary" disabled={!ready} onClick={apply}>
              {t('organise.addToCase')}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
