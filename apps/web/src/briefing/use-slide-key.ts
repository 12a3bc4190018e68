import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import { slideKey, type SlideKey, type SlideKeyInput } from './slide-key.js';

/** `slideKey` in the page's language. */
export function useSlideKey(): (input: SlideKeyInput) => SlideKey {
  const { t: tMap } = useTranslation('map');
  const { t: tBriefing } = useTranslation('briefing');
  const format = useFormat();
  return useCallback((input: SlideKeyInput) => slideKey(input, tMap as never, tBriefing as never, format), [tMap, tBriefing, format]);
}
