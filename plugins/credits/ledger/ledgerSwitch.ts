/**
 * Whether issuing and the feed write the ledger's hashes and events. Always on; bench/credit-feed
 * alone turns it off for a moment, to measure issuing and the feed before and after the ledger in
 * one run (issue: "no cost on the hot paths"). A record written while it is off has no hashes,
 * and `npm run ledger:verify` says so.
 */
export const ledgerSwitch = { hashing: true }
