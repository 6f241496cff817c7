import { randomInt } from 'node:crypto'

/**
 * Each learner gets an emulator account of their own: LocalStack and MiniStack both treat a 12-digit access key
 * id as the account id, so resources created with it are invisible to every other learner.
 */
export function newAccountId(): string {
  // 1xxxxxxxxxxx–9xxxxxxxxxxx: never the emulators' shared default account 000000000000
  return String(randomInt(100_000, 1_000_000)) + String(randomInt(0, 1_000_000)).padStart(6, '0')
}

export type LearnerAws = { accountId: string; endpoint: string; region: string }

/** The environment a learner's code runs with: the SDK's standard variables, nothing else. */
export function learnerEnvironment({ accountId, endpoint, region }: LearnerAws): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_ACCESS_KEY_ID: accountId,
    // emulators recompute presigned-URL signatures with their well-known secret "test"; any other breaks them
    AWS_SECRET_ACCESS_KEY: 'test',
    // no shared config files: they would be outside the sandbox and could name other credentials
    AWS_CONFIG_FILE: '.aws/config',
    AWS_SHARED_CREDENTIALS_FILE: '.aws/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    // Node 20 support notice from the SDK: true, but noise in a learner's output
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  }
}
