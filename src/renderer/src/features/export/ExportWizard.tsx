/**
 * The export wizard: order the exhibits (the list says how many, and marks those the
 * search on screen does not show), describe the case and the recipient, choose a folder or
 * a zip, read what leaves the vault in plaintext, watch it being written, and see the new
 * bundle verify. Nothing is written until the summary step's button, and an existing file
 * is never overwritten.
 */
import { useEffect, useState, type JSX } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { shell } from '../../api';
import { ExhibitOrder, type ExhibitEntry } from './ExhibitOrder';
import { EMPTY_DETAILS, ExportDetails, type ExportDetailsValue } from './ExportDetails';
import { ExportDestination, type DestinationValue } from './ExportDestination';
import { ExportRunning } from './ExportRunning';
import { ExportSummary, useExportPreview } from './ExportSummary';
import { joinPath } from './reorder';
import { useExport } from './useExport';

export interface ExportWizardProps {
  readonly exhibits: readonly ExhibitEntry[] | null;
  readonly onClose: () => void;
  readonly onExported: () => void;
  /** Told when the export starts and ends running (a lock asks about it). */
  readonly onRunning?: (running: boolean) => void;
}

const STEPS = ['order', 'details', 'destination', 'summary', 'result'] as const;
type Step = (typeof STEPS)[number];
const STEP_KEYS = {
  order: 'export.steps.order',
  details: 'export.steps.details',
  destination: 'export.steps.destination',
  summary: 'exportSummary.step',
  result: 'export.steps.result',
} as const;

function defaultName(): string {
  return `bundle-${new Date().toISOString().slice(0, 10)}`;
}

export function ExportWizard({ exhibits, onClose, onExported, onRunning }: ExportWizardProps): JSX.Element {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('order');
  const [order, setOrder] = useState<ExhibitEntry[] | null>(null);
  const [details, setDetails] = useState<ExportDetailsValue>(EMPTY_DETAILS);
  const [destination, setDestination] = useState<DestinationValue>({ format: 'zip', folder: '', name: defaultName() });
  const run = useExport(onExported);
  const list = order ?? [...(exhibits ?? [])];
  const index = STEPS.indexOf(step);
  const running = run.state.phase === 'exporting' || run.state.phase === 'verifying';
  const writing = run.state.phase === 'exporting';
  useEffect(() => onRunning?.(writing), [writing, onRunning]);
  const preview = useExportPreview(step === 'summary' ? list.map((e) => e.id) : null);

  const close = (): void => {
    if (running) return;
    setStep('order');
    setOrder(null);
    setDetails(EMPTY_DETAILS);
    run.reset();
    onClose();
  };
  const start = (): void => {
    const name = destination.format === 'zip' && !destination.name.toLowerCase().endsWith('.zip') ? `${destination.name}.zip` : destination.name;
    const text = Object.fromEntries(Object.entries(details).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
    setStep('result');
    void run.start({ selection: { kind: 'items', items: list.map((e) => e.id) }, outPath: joinPath(destination.folder.trim(), name.trim()), format: destination.format, ...text });
  };
  const chooseFolder = (): void =>
    void shell
      .chooseFolder({ title: t('export.folder') })
      .then((folder) => folder !== null && setDestination((d) => ({ ...d, folder })))
      .catch(() => undefined);

  return (
    <ModalOverlay className="overlay" isOpen={exhibits !== null} onOpenChange={(open) => !open && close()}>
      <Modal className="modal modal-wide">
        <Dialog className="dialog" aria-label={t('export.title')}>
          <Heading slot="title" className="dialog-title">
            {t('export.title')} · {t(STEP_KEYS[step])}
          </Heading>
          <ol className="steps" aria-label={t('export.stepsLabel')}>
            {STEPS.map((s, i) => (
              <li key={s} aria-current={s === step ? 'step' : undefined} className={i < index ? 'step-done' : ''}>
                {t(STEP_KEYS[s])}
              </li>
            ))}
          </ol>
          {step === 'order' && <ExhibitOrder exhibits={list} onChange={setOrder} />}
          {step === 'details' && <ExportDetails value={details} onChange={setDetails} />}
          {step === 'destination' && <ExportDestination value={destination} onChange={setDestination} onChooseFolder={chooseFolder} />}
          {step === 'summary' && <ExportSummary preview={preview.preview} error={preview.error} format={destination.format} />}
          {step === 'result' && <ExportRunning state={run.state} onCancel={run.cancel} />}
          <div className="button-row">
            <button type="button" className="button" onClick={close} disabled={running}>
              {step === 'result' ? t('common.close') : t('common.cancel')}
            </button>
            {index > 0 && step !== 'result' && (
              <button type="button" className="button" onClick={() => setStep(STEPS[index - 1] ?? 'order')}>
                {t('export.back')}
              </button>
            )}
            {(step === 'order' || step === 'details') && (
              <button type="button" className="button button-primary" onClick={() => setStep(STEPS[index + 1] ?? 'destination')} disabled={list.length === 0}>
                {t('export.next')}
              </button>
            )}
            {step === 'destination' && (
              <button type="button" className="button button-primary" onClick={() => setStep('summary')} disabled={destination.folder.trim() === '' || destination.name.trim() === ''}>
                {t('export.next')}
              </button>
            )}
            {step === 'summary' && (
              <button type="button" className="button button-primary" onClick={start} disabled={preview.preview === null}>
                {t('export.write')}
              </button>
            )}
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
