// The sentence a division head would say about a candidate, in Indonesian or English, built from the
// raw factor values (never from personal data). Numbers and dates follow the locale.
import type { RiskCategory } from '../constants.js';
import { DEFAULT_RISK_OPTIONS, riskAreaWeight, type RawFactors, type RiskOptions } from './factors.js';

export type PlanningLocale = 'id' | 'en';

const NUMBER_LOCALE: Record<PlanningLocale, string> = { id: 'id-ID', en: 'en-GB' };

const RISK_LABEL: Record<PlanningLocale, Record<RiskCategory, string>> = {
  id: {
    illegal_work: 'rawan TKA ilegal',
    overstay: 'rawan overstay',
    social_conflict: 'rawan konflik sosial',
    illegal_emigration_route: 'jalur PMI nonprosedural',
    illegal_entry_point: 'jalur masuk ilegal',
    visit_permit_misuse: 'rawan penyalahgunaan izin kunjungan',
  },
  en: {
    illegal_work: 'illegal-work',
    overstay: 'overstay',
    social_conflict: 'social-conflict',
    illegal_emigration_route: 'illegal-emigration-route',
    illegal_entry_point: 'illegal-entry-point',
    visit_permit_misuse: 'visit-permit-misuse',
  },
};

export function formatNumber(n: number, locale: PlanningLocale): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[locale], { maximumFractionDigits: 0 }).format(n);
}

/** `17 Nov 2016` / `17 November 2016`, as dates are shown on screen. */
export function formatDate(isoDate: string, locale: PlanningLocale): string {
  return new Intl.DateTimeFormat(NUMBER_LOCALE[locale], { day: 'numeric', month: locale === 'id' ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** Growth as shown: +38% / −12%, or null when there is nothing to compare with. */
function growthText(raw: RawFactors, locale: PlanningLocale): string | null {
  if (raw.holdersYearAgo === 0) return null;
  const pct = Math.round(((raw.activeHolders - raw.holdersYearAgo) / raw.holdersYearAgo) * 100);
  if (pct === 0) return null;
  return `${pct > 0 ? '+' : '−'}${formatNumber(Math.abs(pct), locale)}%`;
}

/**
 * `options` are the ranking's risk options: a risk area that did not count (a category not about foreigners
 * at riskNotForeigners 0) is still named, so officers know it is there, but said not to count — the
 * sentence never gives as a reason what did not move the score.
 */
export function explainCandidate(candidate: { raw: RawFactors }, locale: PlanningLocale, options: RiskOptions = DEFAULT_RISK_OPTIONS): string {
  const r = candidate.raw;
  const n = (x: number) => formatNumber(x, locale);
  const parts: string[] = [];
  const growth = growthText(r, locale);
  if (locale === 'id') {
    parts.push(`${n(r.activeHolders)} pemegang izin aktif${growth ? `, ${growth} dalam 12 bulan` : ''}`);
    if (r.expiringWithoutRenewal > 0) parts.push(`${n(r.expiringWithoutRenewal)} izin habis atau segera habis tanpa perpanjangan`);
    if (r.pastViolations > 0)
      parts.push(`${n(r.pastViolations)} pelanggaran ditemukan di sekitarnya${r.pastActions > 0 ? `, ${n(r.pastActions)} dikenai TAK` : ''}`);
    const reports = [
      r.verifiedReports > 0 ? `${n(r.verifiedReports)} laporan terverifikasi` : null,
      r.openReports > 0 ? `${n(r.openReports)} laporan baru` : null,
    ].filter(Boolean);
    if (reports.length) parts.push(`${reports.join(' dan ')} dalam ${n(r.reportWindowDays)} hari`);
    parts.push(
      r.lastCheckedOn === null
        ? 'belum pernah diperiksa'
        : `terakhir diperiksa ${r.monthsSinceCheck === 0 ? 'bulan ini' : `${n(r.monthsSinceCheck ?? 0)} bulan lalu`} (${formatDate(r.lastCheckedOn, 'id')})`,
    );
    const categories = uniqueCategories(r, options, true);
    if (categories.length) parts.push(`di dalam area ${categories.map((c) => RISK_LABEL.id[c]).join(', ')}`);
    const uncounted = uniqueCategories(r, options, false);
    if (uncounted.length) parts.push(`di dalam area ${uncounted.map((c) => RISK_LABEL.id[c]).join(', ')} (tidak menaikkan skor: bukan soal WNA)`);
    if (r.mixSimilarity >= 0.5) parts.push('komposisi kewarganegaraan mirip temuan sebelumnya');
  } else {
    parts.push(`${n(r.activeHolders)} active holder${r.activeHolders === 1 ? '' : 's'}${growth ? `, ${growth} in 12 months` : ''}`);
    if (r.expiringWithoutRenewal > 0)
      parts.push(`${n(r.expiringWithoutRenewal)} permit${r.expiringWithoutRenewal === 1 ? '' : 's'} expiring or expired without renewal`);
    if (r.pastViolations > 0)
      parts.push(
        `${n(r.pastViolations)} violation${r.pastViolations === 1 ? '' : 's'} found at or near it${r.pastActions > 0 ? `, ${n(r.pastActions)} with TAK` : ''}`,
      );
    const reports = [r.verifiedReports > 0 ? `${n(r.verifiedReports)} verified` : null, r.openReports > 0 ? `${n(r.openReports)} new` : null].filter(Boolean);
    const reportCount = r.verifiedReports + r.openReports;
    if (reports.length) parts.push(`${reports.join(' and ')} report${reportCount === 1 ? '' : 's'} in ${n(r.reportWindowDays)} days`);
    parts.push(
      r.lastCheckedOn === null
        ? 'never checked'
        : `last checked ${r.monthsSinceCheck === 0 ? 'this month' : `${n(r.monthsSinceCheck ?? 0)} month${r.monthsSinceCheck === 1 ? '' : 's'} ago`} (${formatDate(r.lastCheckedOn, 'en')})`,
    );
    const inside = (list: RiskCategory[]) =>
      list.length === 1
        ? `inside ${/^[aeiou]/.test(RISK_LABEL.en[list[0]!]) ? 'an' : 'a'} ${RISK_LABEL.en[list[0]!]} risk area`
        : `inside ${list.map((c) => RISK_LABEL.en[c]).join(', ')} risk areas`;
    const categories = uniqueCategories(r, options, true);
    if (categories.length) parts.push(inside(categories));
    const uncounted = uniqueCategories(r, options, false);
    if (uncounted.length) parts.push(`${inside(uncounted)} (not counted: not about foreigners)`);
    if (r.mixSimilarity >= 0.5) parts.push('nationality mix like past findings');
  }
  return parts.join('; ');
}

/** Categories of the risk areas that counted in the score (or did not: `counted` false), most serious first, each once. */
function uniqueCategories(raw: RawFactors, options: RiskOptions, counted: boolean): RiskCategory[] {
  const rank = { high: 0, medium: 1, low: 2 } as const;
  const areas = raw.riskAreas.filter((r) => riskAreaWeight(r, options) > 0 === counted);
  return [...new Set([...areas].sort((a, b) => rank[a.severity] - rank[b.severity]).map((r) => r.category))];
}
