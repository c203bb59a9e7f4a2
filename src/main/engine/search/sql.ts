/**
 * SQL fragments with their parameters, built by a tagged template so that a value can
 * only ever become a bound parameter: `sql\`i.kind = ${kind}\`` gives "i.kind = ?" and
 * [kind]. Fragments nest (a fragment interpolated into another is inlined with its
 * parameters), which is how the query compiler assembles a WHERE clause. Nothing a user
 * typed is ever part of `text`.
 */

export type SqlValue = string | number | null;

export class Sql {
  constructor(
    readonly text: string,
    readonly params: readonly SqlValue[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: ReadonlyArray<SqlValue | Sql>): Sql {
  let text = strings[0] ?? '';
  const params: SqlValue[] = [];
  values.forEach((value, i) => {
    if (value instanceof Sql) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return new Sql(text, params);
}

/** Joins fragments with a separator that is itself SQL text (e.g. ' AND '). */
export function joinSql(parts: readonly Sql[], separator: ' AND ' | ' OR ' | ', '): Sql {
  return new Sql(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.params),
  );
}

/** "?, ?, ?" for a list of values (never empty: callers handle the empty list first). */
export function sqlList(values: readonly SqlValue[]): Sql {
  return new Sql(values.map(() => '?').join(', '), values);
}

export const SQL_TRUE = new Sql('1', []);
export const SQL_FALSE = new Sql('0', []);
