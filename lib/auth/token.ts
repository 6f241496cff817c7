import { createHash } from 'node:crypto'

export { isLearnerToken } from './cookie'

/** Only a token's hash is stored, so a database leak does not hand out anonymous learners. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
