import { z } from 'zod'

export const roleSchema = z.enum(['learner', 'instructor', 'admin'])
export type Role = z.infer<typeof roleSchema>

/** An unknown role in the database (hand edits) counts as the least privileged one. */
export const toRole = (value: unknown): Role => roleSchema.catch('learner').parse(value)

export const canTeach = (role: Role) => role === 'instructor' || role === 'admin'
