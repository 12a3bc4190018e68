import type { HistoryMode, ViewUpdate } from '../state/use-view-state.js';
import type { ViewState } from '../state/view-state.js';

/** What every part of the briefing pages is given: the view (briefing, slide, language…) and the way to change it. */
export interface BriefingPageProps {
  view: ViewState;
  updateView(update: ViewUpdate, mode?: HistoryMode): void;
}
