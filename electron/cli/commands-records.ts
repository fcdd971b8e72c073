// `records`: external training records (add, import).
import type { Command } from 'commander';
import type { CliOutcome } from './support.ts';

export function registerRecordCommands(_program: Command, _outcome: CliOutcome): void {}
