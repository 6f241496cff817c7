export const LEARNER_COOKIE = 'cloudbook_learner'
