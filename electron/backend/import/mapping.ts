// The column mapping of a spreadsheet import (column number → field), the same for the roster's
// and the training records': remembered per file layout, corrected by the clerk's choices.

import { ApiError } from '../../../shared/contract/errors.ts';
import { foldHeader } from '../../../shared/domain/header-matcher.ts';
import type { Db } from '../db/open.ts';
import { getSetting, setSetting } from '../db/repos/settings.ts';
import type { Table } from './table.ts';

/** 0-based column number (as a string) → field, or null for a column left out. */
export type ColumnMapping<F extends string> = Record<string, F | null>;

/** Which import a remembered mapping belongs to: each keeps its own. */
type ImportKind = 'roster' | 'records';

/** Keyed by the file's folded headers: the same layout maps the same way. */
const settingKey = (kind: ImportKind, headers: readonly string[]) => `${kind}.mapping:${headers.map(foldHeader).join('|')}`;

/** The mapping last applied to files with these headers. */
export function storedMapping<F extends string>(db: Db, kind: ImportKind, headers: readonly string[]): ColumnMapping<F> | null {
  const value = getSetting(db, settingKey(kind, headers));
  return value ? (JSON.parse(value) as ColumnMapping<F>) : null;
}

export function storeMapping<F extends string>(db: Db, kind: ImportKind, headers: readonly string[], mapping: ColumnMapping<F>): void {
  setSetting(db, settingKey(kind, headers), JSON.stringify(mapping));
}

/**
 * A mapping corrected by overrides that name columns by header text (folded: any case, spacing,
 * punctuation) or by 0-based number (the screen's choices, a mapping file, the CLI's --mapping).
 * Columns they do not name keep their field; a field they give a column is taken away from the
 * column that had it. An unknown column is a field error at `[path, column]`.
 */
export function overrideMapping<F extends string>(base: ColumnMapping<F>, headers: readonly string[], overrides: Readonly<Record<string, F | null>>, path: string): ColumnMapping<F> {
  const mapping: ColumnMapping<F> = Object.fromEntries(headers.map((_, i) => [String(i), base[String(i)] ?? null]));
  const named = new Map<string, F | null>();
  for (const [key, field] of Object.entries(overrides)) {
    const index = /^\d+$/.test(key) ? Number(key) : headers.findIndex((h) => foldHeader(h) === foldHeader(key));
    if (index < 0 || index >= headers.length) throw ApiError.field([path, key], 'import.mapping_column_unknown', { column: key });
    named.set(String(index), field);
  }
  const given = new Set([...named.values()].filter((f) => f !== null));
  for (const [index, field] of Object.entries(mapping)) if (field !== null && given.has(field)) mapping[index] = null;
  for (const [index, field] of named) mapping[index] = field;
  return mapping;
}

/** What a preview tells of the file as read: its format, sheets, header row and the mapping used. */
export function previewedFile<F extends string>(table: Table, mapping: ColumnMapping<F>) {
  return {
    format: table.format,
    sheets: table.sheets ?? [],
    sheet: table.sheet ?? null,
    headerRowNumber: table.headerRowNumber,
    headers: table.headers,
    mapping,
  };
}
