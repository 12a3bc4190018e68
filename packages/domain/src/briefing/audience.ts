// What a slide may show to the room. A mixed-agency audience never sees personal data, whatever the
// presenter's role; an internal audience sees what the presenter's role may see.
import type { Permissions } from '../access.js';
import type { BriefingAudience, BriefingContent, Slide, SlidePanel } from './types.js';

/** Panel fields that can carry personal data (names in operation findings). */
export function panelHasPersonalData(panel: SlidePanel): boolean {
  return panel.kind === 'operations' && panel.findings;
}

/** May personal data be shown to this audience by a presenter with these permissions? */
export function showsPersonalData(audience: BriefingAudience, permissions: Pick<Permissions, 'personalData'>): boolean {
  return audience === 'internal' && permissions.personalData;
}

/** Record panels (candidates, operations) need the record-list permission; figures, trend and arrivals (counts) do not. */
export function panelAllowed(panel: SlidePanel, permissions: Pick<Permissions, 'lists'>): boolean {
  return panel.kind === 'figures' || panel.kind === 'trend' || panel.kind === 'arrivals' || permissions.lists;
}

function panelFor(panel: SlidePanel, personal: boolean): SlidePanel {
  return panel.kind === 'operations' && panel.findings && !personal ? { ...panel, findings: false } : panel;
}

/** The slide as it may be shown: personal fields off unless audience and role both allow them, record panels only for roles that may read records. */
export function slideForAudience(slide: Slide, audience: BriefingAudience, permissions: Pick<Permissions, 'personalData' | 'lists'>): Slide {
  const personal = showsPersonalData(audience, permissions);
  return { ...slide, panels: slide.panels.filter((panel) => panelAllowed(panel, permissions)).map((panel) => panelFor(panel, personal)) };
}

export function briefingForAudience<B extends BriefingContent>(briefing: B, permissions: Pick<Permissions, 'personalData' | 'lists'>): B {
  return { ...briefing, slides: briefing.slides.map((slide) => slideForAudience(slide, briefing.audience, permissions)) };
}
