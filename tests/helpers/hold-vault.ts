// Child process for lock tests: unlocks the vault given in argv[2] for writing, says
// "ready" on stdout, then holds it until killed.
import { unlockVault } from '../../src/main/engine/vault/vault';

const root = process.argv[2];
const passphrase = process.env.TAMGA_PASSPHRASE;
if (!root || !passphrase) throw new Error('usage: hold-vault <root> with TAMGA_PASSPHRASE set');
await unlockVault(root, passphrase);
process.stdout.write('ready\n');
setInterval(() => undefined, 60_000);
