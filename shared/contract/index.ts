import type { z } from 'zod';
import type { MethodDef } from './define.ts';
import { systemMethods } from './system.ts';
import { regionMethods } from './regions.ts';
import { authMethods } from './auth.ts';
import { userMethods } from './users.ts';
import { officeMethods } from './office.ts';
import { auditMethods } from './audit.ts';
import { jobMethods } from './jobs.ts';
import { employeeMethods } from './employees.ts';
import { rosterMethods } from './roster.ts';
import { programmeMethods } from './programme.ts';
import { eventMethods } from './events.ts';
import { attendanceMethods } from './attendance.ts';
import { ruleMethods } from './rules.ts';
import { holidayMethods } from './holidays.ts';
import { backupMethods } from './backup.ts';
import { certificateMethods } from './certificates.ts';
import { recordMethods } from './records.ts';
import { ledgerMethods } from './ledger.ts';
import { evaluationMethods } from './evaluation.ts';
import { reportMethods } from './reports.ts';
import { batchMethods } from './batches.ts';
import { cityMethods } from './city.ts';

/** The one contract: method name → input schema, output schema, access. */
export const contract = {
  ...systemMethods,
  ...regionMethods,
  ...authMethods,
  ...userMethods,
  ...officeMethods,
  ...auditMethods,
  ...jobMethods,
  ...employeeMethods,
  ...rosterMethods,
  ...programmeMethods,
  ...eventMethods,
  ...attendanceMethods,
  ...ruleMethods,
  ...holidayMethods,
  ...backupMethods,
  ...certificateMethods,
  ...recordMethods,
  ...ledgerMethods,
  ...evaluationMethods,
  ...reportMethods,
  ...batchMethods,
  ...cityMethods,
} satisfies Record<string, MethodDef>;

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

/** The API every door offers, derived from the contract. */
export type Api = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './errors.ts';
export type { Access, MethodDef } from './define.ts';
