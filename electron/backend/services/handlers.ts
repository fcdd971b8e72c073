import type { MethodName, Output, ParsedInput } from '../../../shared/contract/index.ts';
import type { ServiceContext } from './context.ts';

/** One function per contract method; each area module exports its part (Actual Budget's app.ts style). */
export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: ServiceContext) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
