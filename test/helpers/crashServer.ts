/**
 * The API server alone (no Next.js), as a child process for tests that kill it:
 * test/int/crash-safety.test.ts. Prints "listening <port>" when it accepts requests.
 */
import { createApp } from '../../src/app'
import { listen } from '../../src/lifecycle'

const app = await createApp({ next: false })
const running = await listen(app, Number(process.env.PORT ?? 0), '127.0.0.1')
process.stdout.write(`listening ${running.port}\n`)
