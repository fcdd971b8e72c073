// `records`, `ledger` and `report`: external training records, the 20 JP ledger, reports.
import type { Command } from 'commander';
import type { CliOutcome } from './support.ts';

export function registerRecordCommands(_program: Command, _outcome: CliOutcome): void {}
