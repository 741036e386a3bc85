/**
 * `npm run backup -- <folder>`: the database and the data folder into a new folder, while the
 * platform runs. `npm run restore -- <folder>` puts one back (platform stopped). See
 * src/operations/backup.ts and the README, "Backup and restore".
 */
import { env } from '../src/env'
import { backup, restore } from '../src/operations/backup'

const [command, folder] = process.argv.slice(2)
if ((command !== 'backup' && command !== 'restore') || !folder) {
  process.stderr.write('usage: npm run backup -- <new folder>   |   npm run restore -- <backup folder>\n')
  process.exit(2)
}
try {
  const settings = env()
  if (command === 'backup') {
    const manifest = await backup(settings, folder)
    process.stdout.write(`backed up ${manifest.kind} (${manifest.creditRecords ?? '?'} credit records, ${manifest.ledgerEvents ?? '?'} ledger events) and the data folder to ${folder}\n`)
  } else {
    const { manifest, restored, keptAside } = await restore(settings, folder)
    if (keptAside) process.stdout.write(`the database that was there is kept as ${keptAside}\n`)
    process.stdout.write(`restored the backup of ${manifest.createdAt}: ${restored.creditRecords ?? '?'} credit records (the backup had ${manifest.creditRecords ?? '?'}), ${restored.ledgerEvents ?? '?'} ledger events (had ${manifest.ledgerEvents ?? '?'})\n`)
    // Counted as the backup began; records and events are only ever added, so a dump taken a moment
    // later holds at least as many.
    if ((restored.creditRecords ?? 0) < (manifest.creditRecords ?? 0) || (restored.ledgerEvents ?? 0) < (manifest.ledgerEvents ?? 0)) {
      process.stderr.write('the restored database holds fewer credit records or ledger events than the backup counted\n')
      process.exit(1)
    }
    process.stdout.write('next: npm run ledger:verify, then start the platform\n')
  }
  process.exit(0)
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exit(1)
}
