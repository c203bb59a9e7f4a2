/** An operator as a caller sent it, checked (src/shared/operator.ts), or INVALID_ARGUMENT with {field, reason}. */
import { TamgaError } from '../../../shared/errors';
import { checkOperator, type Operator } from '../../../shared/operator';

export function requireOperator(input: unknown): Operator {
  const checked = checkOperator(input);
  if ('problem' in checked) throw new TamgaError('INVALID_ARGUMENT', checked.problem, { field: checked.field, reason: checked.reason });
  return checked.operator;
}
