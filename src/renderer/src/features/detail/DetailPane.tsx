/**
 * The detail pane: the item, its facts with their sources, hashes, tags, acquisitions,
 * metadata problems and the custody timeline. Everything from evidence is text.
 */
import { useCallback, useState, type JSX, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { EngineSentence } from '../../ui/EngineSentence';
import { StatusBadge } from '../../ui/StatusBadge';
import { useMediaUrl } from '../media/MediaUrlContext';
import { Acquisitions } from './Acquisitions';
import { CustodyTimeline } from './CustodyTimeline';
import { FactList } from './FactList';
import { ItemOrganiser } from '../organise/ItemOrganiser';
import { Hashes } from './Hashes';
import { MediaView } from './MediaView';
import { factRows, otherProblems } from './metadata-rows';
import { SaveOriginal } from './SaveOriginal';
import { useItemDetail } from './useItemDetail';
import { useSaveOriginal } from './useSaveOriginal';
import { useVideoPreview } from './useVideoPreview';

export interface DetailPaneProps {
  readonly itemId: string | null;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  /** Changes when items may have changed elsewhere (an import, a bulk tag). */
  readonly version: number;
  /** This pane changed the item (a tag, a description). */
  readonly onChanged: () => void;
}

export function DetailPane({ itemId, headingRef, version: outside, onChanged }: DetailPaneProps): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  // Read again after the video first plays, so the timeline shows the viewing just recorded.
  const [version, setVersion] = useState(0);
  const [played, setPlayed] = useState<string | null>(null);
  const state = useItemDetail(itemId, version + outside);
  const item = state.kind === 'item' ? state.item : null;
  const previewUrl = useMediaUrl(item?.id ?? null, 'preview');
  const originalUrl = useMediaUrl(item?.kind === 'video' ? item.id : null, 'original');
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const videoPreview = useVideoPreview(item?.id ?? '', item?.video?.previewReady === true);
  const playableUrl = useMediaUrl(item?.kind === 'video' && videoPreview.state.kind === 'ready' ? item.id : null, 'playable');
  // The custody timeline shows the `extracted` event just recorded.
  const saveOriginal = useSaveOriginal(item?.id ?? '', item?.originalName ?? '', t('playback.saveTitle'), changed);
  const onPlaying = useCallback(() => {
    if (item === null || played === item.id) return;
    setPlayed(item.id);
    setVersion((v) => v + 1);
  }, [item, played]);

  const problems = item?.metadata ? otherProblems(item.metadata) : [];
  return (
    <aside className="detail" aria-label={t('detail.title')} aria-busy={state.kind === 'loading' || (item !== null && item.id !== itemId)}>
      {state.kind === 'error' && <ErrorNotice error={state.error} />}
      {state.kind === 'none' && <p className="field-hint">{t('detail.nothing')}</p>}
      {item !== null && (
        <>
          <h2 className="detail-title" ref={headingRef} tabIndex={-1} translate="no">
            {item.originalName}
          </h2>
          <MediaView
            key={item.id}
            item={item}
            previewUrl={previewUrl}
            originalUrl={originalUrl}
            playableUrl={playableUrl}
            videoPreview={videoPreview.state}
            onMakePreview={videoPreview.make}
            onPlaying={onPlaying}
          />
          <SaveOriginal state={saveOriginal.state} onSave={saveOriginal.save} />
          <FactList rows={factRows(item, t, locale)} />
          <section aria-labelledby="detail-hashes">
            <h3 id="detail-hashes">{t('detail.hashes')}</h3>
            <Hashes item={item} />
          </section>
          <ItemOrganiser itemId={item.id} name={item.originalName} version={version + outside} onChanged={onChanged} />
          {problems.length > 0 && (
            <section aria-labelledby="detail-problems">
              <h3 id="detail-problems">
                <StatusBadge tone="warning" label={t('detail.problems')} />
              </h3>
              <ul className="problems">
                {problems.map((problem) => (
                  <li key={problem}>
                    <EngineSentence text={problem} group="metadataProblem" />
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="detail-acquisitions">
            <h3 id="detail-acquisitions">{t('detail.acquisitions')}</h3>
            <Acquisitions acquisitions={item.acquisitions} />
          </section>
          <section aria-labelledby="detail-custody">
            <h3 id="detail-custody">{t('detail.custody')}</h3>
            <CustodyTimeline records={item.custody} />
          </section>
        </>
      )}
    </aside>
  );
}
