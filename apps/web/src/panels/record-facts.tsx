// Fact lines the record panels share: an area as a link that opens its panel, a free text hidden for the role.
import type { ReactNode } from 'react';
import { AreaLink, HiddenForRole } from './panel-parts.js';

export interface AreaLinking {
  onSelectArea(code: string): void;
}

export function areaFact(label: string, code: string | null, { onSelectArea }: AreaLinking) {
  return code ? ([label, <AreaLink code={code} onSelectArea={onSelectArea} />] as const) : null;
}

/** A free-text fact: absent (hidden for the role) → a note; empty → no line. */
export function textFact(label: string, value: string | null | undefined): [string, ReactNode] | null {
  if (value === undefined) return [label, <HiddenForRole />];
  return value ? [label, value] : null;
}
