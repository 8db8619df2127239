/** Migrations in order. Never edit one that has landed: add a new one. */
export const MIGRATIONS: (new () => object)[] = [];
