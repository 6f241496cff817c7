export const POSTGRES_ADMIN_URL: string
export function withScratchDatabase<T>(provider: 'sqlite' | 'postgresql', fn: (url: string) => Promise<T>): Promise<T>
