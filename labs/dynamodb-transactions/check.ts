import { DynamoDBClient, ListTablesCommand, ScanCommand } from '@aws-sdk/client-dynamodb'
import { expectAtLeast, expectEqual, inStep, resultOf, type CheckContext, type Expectation } from '../check-kit'

const PREFIX = 'txlab-'

async function scan(ddb: DynamoDBClient, TableName: string) {
  try {
    return (await ddb.send(new ScanCommand({ TableName, ConsistentRead: true }))).Items ?? []
  } catch {
    return undefined
  }
}

/** The state of one lab run: its accounts table and its ledger table. */
async function inspect(ddb: DynamoDBClient, id: string): Promise<Expectation[]> {
  const accounts = await scan(ddb, `${id}-accounts`)
  const ledger = await scan(ddb, `${id}-ledger`)
  const balance = (name: string) => accounts?.find((a) => a.accountId?.S === name)?.balance?.N ?? 'missing'
  const total = (accounts ?? []).reduce((sum, a) => sum + Number(a.balance?.N ?? 0), 0)
  const entries = (ledger ?? []).map((e) => e.transferId?.S ?? '?').sort()
  const t1 = ledger?.find((e) => e.transferId?.S === 't-1')
  return [
    ...inStep(1, [
      expectEqual(
        'Ledger entry t-1 (alice pays bob 30)',
        t1 ? `${t1.from?.S} → ${t1.to?.S}: ${t1.amount?.N}` : ledger ? 'missing' : 'no ledger table',
        'alice → bob: 30',
        'The transaction writes the ledger entry in the same call as both balance changes.',
      ),
    ]),
    ...inStep(2, [
      expectEqual(
        'Total money in the accounts',
        accounts ? String(total) : 'no accounts table',
        '120',
        "Money appeared: t-2 credited alice before bob's debit was refused. Put all writes in one transaction.",
      ),
      expectEqual(
        'Transfers recorded in the ledger',
        ledger ? entries.join(', ') || 'none' : 'no ledger table',
        't-1',
        't-2 could not be covered, so its ledger entry must not exist either: nothing of a cancelled transaction is written.',
      ),
    ]),
    ...inStep(3, [
      expectEqual(
        'Balances after all three requests',
        accounts ? `alice ${balance('alice')}, bob ${balance('bob')}` : 'no accounts table',
        'alice 70, bob 50',
        'The replayed t-1 moved the money twice: a condition on the ledger entry (attribute_not_exists) cancels it.',
      ),
    ]),
  ]
}

/** Looks at every lab run's pair of tables and reports on the one that is furthest along. */
export default async function check({ calls }: CheckContext) {
  const ddb = new DynamoDBClient({})
  const { TableNames = [] } = await ddb.send(new ListTablesCommand({}))
  const ids = [
    ...new Set(
      TableNames.filter((n) => n.startsWith(PREFIX) && /-(accounts|ledger)$/.test(n)).map((n) =>
        n.replace(/-(accounts|ledger)$/, ''),
      ),
    ),
  ]
  const found: Expectation = {
    step: 1,
    name: 'Lab tables exist',
    status: ids.length ? 'pass' : 'fail',
    expected: `tables named ${PREFIX}…-accounts and ${PREFIX}…-ledger`,
    actual: ids.length ? ids.map((id) => `${id}-accounts/-ledger`).join(', ') : 'none',
    hint: ids.length ? undefined : 'Run your code first: the starter creates both tables.',
  }
  if (!ids.length) return resultOf([found])
  let best: Expectation[] = []
  const passed = (list: Expectation[]) => list.filter((e) => e.status === 'pass').length
  for (const id of ids) {
    const expectations = await inspect(ddb, id)
    if (!best.length || passed(expectations) > passed(best)) best = expectations
  }
  // Whether the last Run really used transactions, and saw them cancelled, is only visible in its call timeline.
  const transactions = calls.filter((c) => c.operation === 'TransactWriteItems')
  const committed = transactions.filter((c) => c.ok).length
  const cancelled = transactions.filter((c) => c.errorCode === 'TransactionCanceledException').length
  const [ledgerT1, ...rest] = best
  const stepOf = (n: number) => rest.filter((e) => e.step === n)
  return resultOf([
    found,
    ...(ledgerT1 ? [ledgerT1] : []),
    ...inStep(1, [
      expectAtLeast(
        'Transfers committed with TransactWriteItems in your last run',
        committed,
        1,
        'Send the ledger Put and both balance Updates as TransactItems of one TransactWriteItemsCommand.',
      ),
    ]),
    ...stepOf(2),
    ...inStep(2, [
      expectAtLeast(
        'Transactions cancelled (TransactionCanceledException) in your last run',
        cancelled,
        1,
        "Give the payer's Update the ConditionExpression 'balance >= :amount': t-2 then cancels as a whole.",
      ),
    ]),
    ...stepOf(3),
    ...inStep(3, [
      expectAtLeast(
        'Transactions cancelled in your last run (t-2 and the replayed t-1)',
        cancelled,
        2,
        "Give the ledger Put the ConditionExpression 'attribute_not_exists(transferId)'.",
      ),
    ]),
  ])
}
