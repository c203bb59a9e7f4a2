/**
 * Lets a command's operands begin with "-": a search for `-tag:x type:video` is a query
 * that excludes a tag, not an unknown option. Commander treats every argument that begins
 * with "-" as an option; here an argument that begins with a single "-" and is not one of
 * the command's own options (nor `-h`) is kept as an operand. Long options (`--jsn`) stay
 * options, so a mistyped one is still refused, and `--` still ends the options as usual.
 */
import type { Command } from 'commander';

// Marks an operand through Commander's parse; no argument typed on a command line holds NUL.
const MARK = '\u0000';

function takesValue(command: Command, arg: string): boolean {
  const option = command.options.find((o) => o.long === arg || o.short === arg);
  return option !== undefined && (option.required || option.optional);
}

function isOwnShortOption(command: Command, arg: string): boolean {
  return arg === '-h' || command.options.some((o) => o.short === arg);
}

export function acceptDashOperands(command: Command): Command {
  const parse = command.parseOptions.bind(command);
  command.parseOptions = (args: string[]) => {
    const marked: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] ?? '';
      if (arg === '--') {
        marked.push(...args.slice(i));
        break;
      }
      const dashOperand = arg.length > 1 && arg.startsWith('-') && !arg.startsWith('--') && !isOwnShortOption(command, arg);
      marked.push(dashOperand ? `${MARK}${arg}` : arg);
      // An option's value is its own, whatever it begins with (a cursor may begin with "-").
      if (takesValue(command, arg) && i + 1 < args.length) marked.push(args[++i] ?? '');
    }
    const unmark = (a: string): string => (a.startsWith(MARK) ? a.slice(MARK.length) : a);
    const result = parse(marked);
    return { operands: result.operands.map(unmark), unknown: result.unknown.map(unmark) };
  };
  return command;
}
