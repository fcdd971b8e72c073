// `ledger`: the 20 JP ledger.
import type { Command } from 'commander';
import type { CliOutcome } from './support.ts';

export function registerLedgerCommands(_program: Command, _outcome: CliOutcome): void {}
