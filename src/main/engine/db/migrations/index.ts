/** Every schema migration, in order. Append only; a shipped migration is never edited. */
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-custody';
import { migration0003 } from './0003-import';
import { migration0004 } from './0004-organise';
import { migration0005 } from './0005-search';
import { migration0006 } from './0006-known-senders';
import { migration0007 } from './0007-private-fields';
import { migration0008 } from './0008-private-descriptions';
import { migration0009 } from './0009-custody-log';
import { migration0010 } from './0010-operator';
import { migration0011 } from './0011-seals';
import { migration0012 } from './0012-replicas';
import { migration0013 } from './0013-checkpoint-timestamps';
import { migration0014 } from './0014-honest-capture-times';
import { migration0015 } from './0015-reserved';
import { migration0016 } from './0016-provenance';
import type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016];
