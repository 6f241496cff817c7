export function migrate(url: string): Promise<string[]>
export function pendingSchemaChange(scratchUrl: string): Promise<string>
export function initialMigration(url: string): Promise<string>
export function isEmptyMigration(sql: string): boolean
export function isPostgresUrl(url: string): boolean
export function diffSchemas(url: string, fromContent: string, toContent: string): Promise<string>
