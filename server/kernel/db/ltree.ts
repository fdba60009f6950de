import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL ltree; values are dot-separated labels such as 'u1.u42.u977'. */
export const ltree = customType<{ data: string }>({
  dataType() {
    return 'ltree';
  },
});
