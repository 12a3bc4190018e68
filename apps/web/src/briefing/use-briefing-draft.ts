// The briefing open in the builder: loaded once, changed locally (marked unsaved) until saved, or deleted.
import type { Briefing, BriefingContent, Slide } from '@pantau/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import type { UpdateRoute } from '../state/router.js';
import { deleteBriefing, getBriefing, saveBriefing } from './briefings-api.js';
import { messageOf } from './error-message.js';

export function useBriefingDraft(id: number, updateView: UpdateRoute<'briefing'>) {
  const { t } = useTranslation('briefing');
  const loaded = useApiRequest(`briefing:${id}`, (signal) => getBriefing(id, signal));
  const [draft, setDraft] = useState<Briefing | null>(null);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const answer = dataOf(loaded);
  useEffect(() => {
    if (answer) setDraft(answer.briefing);
  }, [answer]);
  const canEdit = answer?.canEdit ?? false;

  // Called only once the draft is there (the builder shows nothing to change before).
  const change = (update: Partial<BriefingContent>) => {
    if (!draft) return;
    setDraft({ ...draft, ...update });
    setDirty(true);
  };
  const changeSlide = (index: number, update: Partial<Slide>) => {
    if (!draft) return;
    change({ slides: draft.slides.map((slide, n) => (n === index ? { ...slide, ...update } : slide)) });
  };
  const save = async () => {
    if (!draft) return;
    setStatus(t('saving'));
    try {
      const saved = await saveBriefing(id, draft);
      setDraft(saved);
      setDirty(false);
      setStatus(t('saved'));
    } catch (failure) {
      setStatus(messageOf(failure));
    }
  };
  const remove = async () => {
    if (!draft) return;
    if (!window.confirm(t('confirmDelete', { title: draft.title }))) return;
    try {
      await deleteBriefing(id);
      updateView({ briefing: null, slide: null });
    } catch (failure) {
      setStatus(messageOf(failure));
    }
  };

  return { loaded, draft, canEdit, dirty, status, setStatus, change, changeSlide, save, remove };
}
