// Records that carry both languages keep Indonesian in their own columns and English in `text_en`
// (migration 0012): a query asked for English reads the English text where the record has one.
import { sql, type SQL } from 'drizzle-orm';

/** The language a request reads records in. */
export type TextLang = 'id' | 'en';

/** `column`, or in English the record's English `field` (from `textEn`) where it has one. */
export function localized(lang: TextLang | undefined, column: SQL, textEn: SQL, field: string): SQL {
  return lang === 'en' ? sql`coalesce(${textEn} ->> ${field}::text, ${column})` : column;
}

/** The same for a jsonb column (a meeting's notes). */
export function localizedJson(lang: TextLang | undefined, column: SQL, textEn: SQL, field: string): SQL {
  return lang === 'en' ? sql`coalesce(${textEn} -> ${field}::text, ${column})` : column;
}
