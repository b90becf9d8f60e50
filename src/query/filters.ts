// The --year / --doc filters shared by every listing, as SQL over `documents d`.

export interface DocFilter {
  year?: number | undefined;
  doc?: number | undefined;
}

export function docWhere(filter: DocFilter, alias = 'd'): { sql: string; params: (number | string)[] } {
  const parts: string[] = [];
  const params: (number | string)[] = [];
  if (filter.year !== undefined) {
    parts.push(`${alias}.year = ?`);
    params.push(filter.year);
  }
  if (filter.doc !== undefined) {
    parts.push(`${alias}.id = ?`);
    params.push(filter.doc);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}
