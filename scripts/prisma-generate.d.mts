export function postgresSchemaFrom(source: string): string
