// `report`: reports as PDF or XLSX.
import type { Command } from 'commander';
import type { CliOutcome } from './support.ts';

export function registerReportCommands(_program: Command, _outcome: CliOutcome): void {}
