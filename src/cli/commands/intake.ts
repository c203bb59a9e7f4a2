/**
 * `tamga intake <vault> <package> [--accept-problems] [--json]`: takes in evidence packaged
 * by another tool, a BagIt bag (bagit-python, Archivematica) or a ProofMode share, a folder
 * or a zip (src/main/engine/intake/intake.ts). A separate command rather than a guess inside
 * `import`: `import` takes files as they are, and a folder that happens to hold a bagit.txt
 * must not silently become a checked package, nor a failed check stop an ordinary import.
 * The package is checked first; one with problems is refused (exit 1, nothing taken in)
 * unless --accept-problems records them with each item. Exit 2 when a file could not be taken in.
 */
import type { Command } from 'commander';
import type { IntakeResult } from '../../main/engine/intake/intake';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson } from '../output';
import { reportRefusal } from '../refused-package';
import { printable } from './verify';

interface IntakeOptions extends VaultCommandOptions {
  acceptProblems?: boolean;
  json?: boolean;
}

function printResult(result: IntakeResult): void {
  const out = (line: string): boolean => process.stdout.write(`${line}\n`);
  out(`Took in a ${result.kind === 'bagit' ? 'BagIt bag' : 'ProofMode share'}: ${result.items.length} file(s).`);
  if (result.check.kind === 'proofmode' && result.check.key !== null) {
    out(`Signed by the OpenPGP key ${result.check.key.fingerprint} (${printable(result.check.key.userIds.join(', '))}), from the share's own pubkey.asc: compare it with the one the phone's owner gave.`);
  }
  if (result.acceptedProblems.length > 0) {
    out(`Accepted ${result.acceptedProblems.length} problem(s), recorded with each item they concern:`);
    for (const p of result.acceptedProblems) out(`  ${p.code}: ${printable(p.message)}`);
  }
  for (const i of result.items) {
    const c2pa = i.c2pa.present ? `  C2PA manifest present (${printable(i.c2pa.claimGenerator ?? 'no claim generator')}; signer ${printable(i.c2pa.signer ?? 'unknown')}), not verified` : '';
    out(`${i.isNew ? 'new item     ' : 'already held '}  ${i.itemId}  ${i.sha256.slice(0, 12)}  ${printable(i.path)}${c2pa}`);
  }
  for (const n of result.notTaken) out(`NOT TAKEN IN  ${printable(n.path)}: ${printable(n.message)}`);
}

export function registerIntake(program: Command): void {
  program
    .command('intake')
    .description("take in a BagIt bag or a ProofMode share: checked first (manifests, OpenPGP signatures), each file an item with a 'received' event, the package's own files kept")
    .argument('<vault>', 'the vault folder')
    .argument('<package>', 'the bag or share: a folder or a .zip file')
    .option('--accept-problems', 'take in a package whose check found problems; they are recorded with each item')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, path: string, opts: IntakeOptions) => {
      let result: IntakeResult;
      try {
        result = await withVault(dir, opts, (engine) => engine.intakePackage({ path, acceptProblems: opts.acceptProblems === true }));
      } catch (err) {
        if (reportRefusal(err)) return;
        throw err;
      }
      if (opts.json) printJson(result);
      else printResult(result);
      process.exitCode = result.notTaken.length > 0 ? EXIT_ERROR : EXIT_OK;
    });
}
