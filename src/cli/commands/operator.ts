/**
 * `tamga operator VAULT`: who operates the vault, as they stated it (not an identity check).
 *
 *   tamga operator VAULT                                   show it
 *   tamga operator VAULT --name N [--role R] [--organisation O] [--contact C]
 *                                                          state a new one (an operator-set event)
 *   tamga operator VAULT --clear                           record none (an operator-cleared event)
 *
 * Every custody event written after a change names the operator, then the tool, in its
 * actor: "Aigerim Sultanova (observer, Bureau) · tamga-cli 0.2.0". Members not given are
 * left out (a new statement replaces the whole record). docs/formats.md, "Operator".
 */
import type { Command } from 'commander';
import type { Operator, OperatorInput } from '../../shared/operator';
import { TamgaError } from '../../shared/errors';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson, printRows } from '../output';

export interface OperatorOptions {
  name?: string;
  role?: string;
  organisation?: string;
  contact?: string;
}

interface OperatorCommandOptions extends VaultCommandOptions, OperatorOptions {
  clear?: boolean;
  json?: boolean;
}

/** The sentence every display of the operator carries. */
export const OPERATOR_STATEMENT = "This is the operator's own statement, signed by the vault key with each event; Tamga does not check anyone's identity.";

/** The operator the options state, or null when they state none; INVALID_ARGUMENT for --role etc. without --name. */
export function operatorFromOptions(opts: OperatorOptions): OperatorInput | null {
  const { name, role, organisation, contact } = opts;
  if (name === undefined) {
    if (role !== undefined || organisation !== undefined || contact !== undefined) {
      throw new TamgaError('INVALID_ARGUMENT', 'Give the operator\'s --name with --role, --organisation or --contact.', { field: 'name', reason: 'missing' });
    }
    return null;
  }
  return { name, ...(role === undefined ? {} : { role }), ...(organisation === undefined ? {} : { organisation }), ...(contact === undefined ? {} : { contact }) };
}

/** Commander options shared with `tamga init`. */
export function addOperatorOptions(command: Command): Command {
  return command
    .option('--name <name>', "the operator's name (their own statement, signed by the vault key; not an identity check)")
    .option('--role <role>', 'their role, e.g. observer')
    .option('--organisation <organisation>', 'their organisation')
    .option('--contact <contact>', 'how to reach them (kept in the vault; never written into exported actors)');
}

export function operatorRows(operator: Operator | null): [string, string][] {
  if (operator === null) return [['Operator', 'none recorded: custody events name only the tool']];
  const rows: [string, string][] = [['Operator', operator.name]];
  if (operator.role !== undefined) rows.push(['Role', operator.role]);
  if (operator.organisation !== undefined) rows.push(['Organisation', operator.organisation]);
  if (operator.contact !== undefined) rows.push(['Contact', operator.contact]);
  return rows;
}

export function registerOperator(program: Command): void {
  addOperatorOptions(
    program
      .command('operator')
      .description('show or change who operates the vault (named in every custody event written after)')
      .argument('<vault>', 'the vault folder'),
  )
    .option('--clear', 'record no operator from now on')
    .option('--passphrase-file <file>', 'read the vault passphrase from this file')
    .option('--json', 'print the operator as JSON (null when none)')
    .action(async (vault: string, opts: OperatorCommandOptions) => {
      const stated = operatorFromOptions(opts);
      if (opts.clear === true && stated !== null) throw new TamgaError('INVALID_ARGUMENT', 'Give --clear or a new --name, not both.');
      const change = opts.clear === true || stated !== null;
      const operator = await withVault(vault, opts, (engine) => (change ? engine.setOperator(stated) : engine.getOperator()), !change);
      if (opts.json) return printJson(operator);
      if (change) process.stdout.write(operator === null ? 'Operator cleared: events from now on name only the tool.\n' : 'Operator recorded: events from now on name them.\n');
      printRows(operatorRows(operator));
      process.stdout.write(`${OPERATOR_STATEMENT}\n`);
    });
}
