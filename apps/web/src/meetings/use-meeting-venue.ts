// The meeting's venue as the form edits it: a point clicked on the small map, typed or pasted as
// coordinates, or a district's label point when only the district is chosen. The small map shows the
// district or regency last chosen, else the page's area; a click on it does not move it.
import type { MeetingDetail } from '@pantau/domain';
import { useState } from 'react';
import { getArea } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { formatTypedPlace, parseTypedPlace, type TypedPlace } from '../map/typed-place.js';
import type { MeetingDraft } from './meeting-form.js';

interface MeetingVenueInput {
  meeting: MeetingDetail | null;
  initial: MeetingDraft;
  region: string | null;
  draft: MeetingDraft;
  set(change: Partial<MeetingDraft>): void;
}

export function useMeetingVenue({ meeting, initial, region, draft, set }: MeetingVenueInput) {
  const [venueFailure, setVenueFailure] = useState<string | null>(null);
  // The venue as the field shows it: the saved point when editing, then what is clicked, typed or taken from a district.
  const [venueText, setVenueText] = useState(meeting && initial.venue ? formatTypedPlace(initial.venue) : '');
  const [mapArea, setMapArea] = useState(initial.regency || region);
  const shownArea = mapArea || region;
  const shown = dataOf(useApiRequest(shownArea ? `area:${shownArea}` : null, (signal) => getArea(shownArea ?? '', signal)));

  /** No venue chosen: the saved one when editing (the API keeps it), none for a new meeting. */
  const noVenue = () => (meeting ? initial.venue : null);
  const pick = (place: TypedPlace) => {
    setVenueFailure(null);
    set({ venue: place, district: '' });
    setVenueText(formatTypedPlace(place));
  };
  const type = (text: string) => {
    setVenueText(text);
    const place = parseTypedPlace(text);
    set({ venue: place ?? noVenue(), district: '' });
    if (place) setVenueFailure(null);
  };
  const typedInvalid = venueText.trim() !== '' && !parseTypedPlace(venueText);

  const chooseRegency = (code: string) => {
    set({ regency: code, district: '' });
    setMapArea(code);
  };

  // A district alone puts the venue at its label point (inside the district, so its regency follows from it).
  const chooseDistrict = async (code: string) => {
    set({ district: code, ...(code === '' ? { venue: noVenue() } : {}) });
    setMapArea(code || draft.regency);
    if (code === '') {
      setVenueText(meeting && initial.venue ? formatTypedPlace(initial.venue) : '');
      return;
    }
    try {
      const area = await getArea(code);
      const place = { lng: area.label[0], lat: area.label[1] };
      setVenueFailure(null);
      set({ district: code, venue: place });
      setVenueText(formatTypedPlace(place));
    } catch (error) {
      setVenueFailure(error instanceof Error ? error.message : String(error));
    }
  };

  return { venueText, venueFailure, setVenueFailure, typedInvalid, mapBbox: shown?.bbox ?? null, pick, type, chooseRegency, chooseDistrict };
}
