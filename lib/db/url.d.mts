export function defaultDatabaseUrl(): string
