/**
 * The unlocked window: toolbar with search, places with cases and tags, the current view,
 * the import panel, the status bar and the dialogs of a selection. It exists only while
 * a vault is unlocked (App keys it by session), so everything it holds (query, selection,
 * open item, media URLs, summaries) goes when the vault locks.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemSummary } from '../../../../shared/items';
import type { QuerySelection } from '../../../../shared/organise';
import type { InterruptedWork } from '../../../../shared/import';
import { shell, tamga } from '../../api';
import { useSession } from '../../session/SessionContext';
import { Icon } from '../../ui/icons';
import { ExportWizard } from '../export/ExportWizard';
import type { ExhibitEntry } from '../export/ExhibitOrder';
import { exhibitsOfQuery } from '../export/exhibits-of-query';
import { ImportDialog } from '../import/ImportDialog';
import { ImportPanel } from '../import/ImportPanel';
import { useFileDrop } from '../import/useFileDrop';
import { useImport } from '../import/useImport';
import { LibraryView } from '../library/LibraryView';
import { LockAfterWork } from '../lock/LockAfterWork';
import { LockDialog, type RunningWork } from '../lock/LockDialog';
import { StoppedByLock } from '../lock/StoppedByLock';
import { useLockFlow } from '../lock/useLockFlow';
import { MediaUrlProvider } from '../media/MediaUrlContext';
import { CaseDialog } from '../organise/CaseDialog';
import { TagDialog } from '../organise/TagDialog';
import { useBulkActions } from '../organise/useBulkActions';
import { useOrganiseLists } from '../organise/useOrganiseLists';
import { SearchBar } from '../search/SearchBar';
import { filterTerm, withTerm } from '../search/query-terms';
import type { SortChoice } from '../search/sort-options';
import { SettingsView } from '../settings/SettingsView';
import { StatusBar } from '../status/StatusBar';
import { TimestampLine } from '../timestamps/TimestampLine';
import { TimestampReport } from '../timestamps/TimestampReport';
import { useTimestamps } from '../timestamps/useTimestamps';
import { VerifyView } from '../verify/VerifyView';
import { chooseCopyLine, copyTroubles } from '../copies/copy-line';
import { CopyLine } from '../copies/CopyLine';
import { useCopies } from '../copies/useCopies';
import { useNow } from '../copies/useNow';
import { BulkOutcomeNote } from './BulkOutcomeNote';
import { SelectionActions } from './SelectionActions';
import { Sidebar, type Route } from './Sidebar';
import { useShortcuts } from './useShortcuts';

/** A dialog over a selection: of ids, or (after select-all) a query with the engine's count of it. */
type Dialog = { readonly kind: 'tag' | 'case'; readonly items: readonly string[]; readonly all?: { readonly selection: QuerySelection; readonly count: number } } | null;

export function Workspace(): JSX.Element | null {
  const { t } = useTranslation();
  const session = useSession();
  const imports = useImport();
  const [changes, bump] = useReducer((n: number) => n + 1, 0);
  const version = imports.version + changes;
  const lists = useOrganiseLists(version);
  const bulk = useBulkActions(bump);
  // Re-read after every library change: an export adds a seal that waits for its timestamp.
  const timestamps = useTimestamps(version);
  // Re-read after every library change too: an import adds items waiting to be copied.
  const copies = useCopies(version);
  const now = useNow();
  const [route, setRoute] = useState<Route>('library');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortChoice>('captured-desc');
  const [choosing, setChoosing] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [exporting, setExporting] = useState<readonly ExhibitEntry[] | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const { refreshInfo } = session;
  const [exportRunning, setExportRunning] = useState(false);
  const progress = imports.state.phase === 'running' ? imports.state.progress : null;
  const work: RunningWork =
    imports.state.phase === 'running' ? { kind: 'import', done: progress?.filesDone ?? 0, total: progress?.filesTotal ?? 0 } : exportRunning ? { kind: 'export' } : null;
  const lockFlow = useLockFlow(session, work);
  const lock = lockFlow.requestLock;
  const [stopped, setStopped] = useState<InterruptedWork | null>(null);
  // What the lock before this unlock stopped, asked once (the engine tells it once).
  useEffect(() => {
    void tamga.takeInterruptedWork().then(setStopped, () => undefined);
  }, []);
  const startImport = imports.start;
  const drop = useFileDrop(useCallback((paths: string[]) => void startImport(paths), [startImport]));
  const search = useCallback((next: string) => {
    setQuery(next);
    setRoute('library');
  }, []);
  const shortcuts = useMemo(() => ({ lock, search: () => (setRoute('library'), setTimeout(() => searchInput.current?.focus(), 0)) }), [lock]);
  useShortcuts(shortcuts);
  // What the last bulk action did belongs to the library it was done in: once the user
  // goes elsewhere it is over, and a "Done" carried to Verify or Settings reads as theirs.
  const dismissBulk = bulk.dismiss;
  const bulkFailed = bulk.failed;
  useEffect(() => {
    if (route !== 'library') dismissBulk();
  }, [route, dismissBulk]);

  // The item count in the status bar follows the library.
  const firstVersion = useRef(version);
  useEffect(() => {
    if (version !== firstVersion.current) void refreshInfo().catch(() => undefined);
  }, [version, refreshInfo]);

  const selectionActions = useCallback(
    (items: readonly ItemSummary[], outside: ReadonlySet<string> | null, all: { readonly selection: QuerySelection; readonly count: number } | null) => (
      <SelectionActions
        onTag={() => setDialog({ kind: 'tag', items: items.map((i) => i.id), ...(all === null ? {} : { all }) })}
        // Cases take ids: a select-all offers tagging and export, not filing in a case.
        onCase={all === null ? () => setDialog({ kind: 'case', items: items.map((i) => i.id) }) : null}
        onExport={() => {
          if (all === null) setExporting(items.map((i) => ({ id: i.id, name: i.originalName, inResults: outside === null ? null : !outside.has(i.id) })));
          else void exhibitsOfQuery(all.selection).then(setExporting, bulkFailed);
        }}
      />
    ),
    [bulkFailed],
  );

  if (session.state.status !== 'unlocked') return null;
  const chooseSources = (folders: boolean): Promise<readonly string[]> =>
    shell.chooseImportSources({ title: folders ? t('import.chooseFolder') : t('import.chooseFiles'), folders }).catch(() => []);
  const items = dialog?.items ?? [];

  return (
    <MediaUrlProvider>
      <div className="workspace" {...drop.handlers}>
        <header className="toolbar">
          <button type="button" className="button" onClick={lock} aria-keyshortcuts="Control+L">
            <Icon name="lock" />
            <span>{t('toolbar.lock')}</span>
          </button>
          <h1 className="toolbar-name">{t('app.name')}</h1>
          <SearchBar ref={searchInput} query={query} onQuery={search} sort={sort} onSort={setSort} />
          <button type="button" className="button button-primary" onClick={() => setChoosing(true)} disabled={imports.state.phase === 'running'}>
            <Icon name="import" />
            <span>{t('import.button')}</span>
          </button>
        </header>
        <Sidebar route={route} query={query} onNavigate={setRoute} onSearch={search} cases={lists.cases} tags={lists.tags} />
        <main className="content">
          <StoppedByLock
            work={stopped}
            discardedDrafts={session.state.discardedDrafts}
            importing={imports.state.phase === 'running'}
            onImportAgain={(paths, tags) => {
              setStopped(null);
              session.dismissDiscarded();
              void imports.start(paths, tags);
            }}
            onDismiss={() => {
              setStopped(null);
              session.dismissDiscarded();
            }}
          />
          {route === 'library' && <BulkOutcomeNote outcome={bulk.outcome} progress={bulk.progress} onDismiss={bulk.dismiss} />}
          <TimestampReport report={timestamps.report} onDismiss={timestamps.dismiss} />
          {route === 'library' && (
            <LibraryView
              query={query}
              sort={sort}
              version={version}
              onImport={() => setChoosing(true)}
              onFilter={(field, value) => search(withTerm(query, filterTerm(field, value)))}
              selectionActions={selectionActions}
              onChanged={bump}
            />
          )}
          {route === 'verify' && <VerifyView />}
          {route === 'settings' && <SettingsView onTimestampServersChanged={timestamps.refresh} copies={copies} now={now} />}
        </main>
        <ImportPanel state={imports.state} onCancel={() => void imports.cancel()} onClose={imports.dismiss} />
        <StatusBar
          info={session.state.info}
          settings={session.state.settings}
          importState={imports.state}
          drafts={session.state.drafts.size}
          lockAfterWork={lockFlow.afterWork ? <LockAfterWork work={work} onLockNow={lockFlow.lockNow} onCancel={lockFlow.cancel} /> : null}
          timestamps={
            <TimestampLine
              status={timestamps.status}
              online={timestamps.online}
              running={timestamps.running}
              readOnly={session.state.info.readOnly}
              onRun={timestamps.run}
              onOpenSettings={() => setRoute('settings')}
            />
          }
          copies={<CopyLine line={chooseCopyLine(copies.replicas, copies.running, copyTroubles(copies))} now={now} onOpenSettings={() => setRoute('settings')} />}
        />
        <ImportDialog open={choosing} onClose={() => setChoosing(false)} onChoose={chooseSources} onStart={(paths, tags) => void imports.start(paths, tags)} />
        <TagDialog
          count={dialog?.all?.count ?? items.length}
          open={dialog?.kind === 'tag'}
          onClose={() => setDialog(null)}
          onApply={(tags, remove) => {
            const all = dialog?.all;
            setDialog(null);
            void (all === undefined ? bulk.tag(items, tags, remove) : bulk.tagSelection(all.selection, tags, remove));
          }}
        />
        <CaseDialog count={items.length} cases={lists.cases} open={dialog?.kind === 'case'} onClose={() => setDialog(null)} onApply={(name, create) => (setDialog(null), void bulk.addToCase(items, name, create))} />
        <ExportWizard exhibits={exporting} onClose={() => setExporting(null)} onExported={bump} onRunning={setExportRunning} />
        <LockDialog
          question={lockFlow.question}
          work={work}
          onCancel={lockFlow.cancel}
          onSaveDrafts={lockFlow.saveDrafts}
          onDiscardDrafts={lockFlow.discardDrafts}
          onFinishFirst={lockFlow.finishFirst}
          onLockNow={lockFlow.lockNow}
        />
        {drop.dragging && (
          <div className="drop-overlay" aria-hidden="true">
            <Icon name="import" size={48} />
            <p>{t('import.dropHere')}</p>
          </div>
        )}
      </div>
    </MediaUrlProvider>
  );
}
